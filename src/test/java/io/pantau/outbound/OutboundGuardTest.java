package io.pantau.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OutboundGuardTest {
  private final OutboundGuard strict = new OutboundGuard(false);

  @Test
  void internalAddressesAreRefusedByDefault() {
    for (String url :
        new String[] {
          "http://127.0.0.1/",
          "http://localhost:8080/x",
          "http://10.1.2.3/",
          "http://172.16.0.1/",
          "http://192.168.1.1/",
          "http://169.254.169.254/latest/meta-data",
          "http://[::1]/",
          "http://[fd00::1]/",
          "http://[::ffff:127.0.0.1]/",
          "http://0.0.0.0/",
          "http://100.64.0.1/"
        }) {
      OutboundRefusedException e =
          assertThrows(OutboundRefusedException.class, () -> strict.check(URI.create(url)), url);
      assertTrue(e.getMessage().contains("internal address"), e.getMessage());
    }
  }

  @Test
  void onlyHttpAndHttpsWithoutCredentialsAreAllowed() {
    assertThrows(
        OutboundRefusedException.class, () -> strict.check(URI.create("file:///etc/passwd")));
    assertThrows(
        OutboundRefusedException.class, () -> strict.check(URI.create("ftp://93.184.216.34/")));
    assertThrows(
        OutboundRefusedException.class,
        () -> strict.check(URI.create("http://u:p@93.184.216.34/")));
    assertThrows(OutboundRefusedException.class, () -> strict.check(URI.create("/relative")));
  }

  @Test
  void publicAddressesPassAndLoopbackPassesWhenAllowed() throws Exception {
    assertEquals(1, strict.check(URI.create("http://93.184.216.34/")).size());
    assertFalse(OutboundGuard.isInternal(InetAddress.getByName("8.8.8.8")));
    assertEquals(1, new OutboundGuard(true).check(URI.create("http://127.0.0.1:1/")).size());
  }
}
