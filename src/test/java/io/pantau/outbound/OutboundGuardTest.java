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
  void aPortOutsideTheRangeIsRefusedBeforeAnyConnection() {
    OutboundGuard open = new OutboundGuard(true);
    for (String url : new String[] {"http://127.0.0.1:99999/", "http://127.0.0.1:0/x"}) {
      assertThrows(OutboundRefusedException.class, () -> open.check(URI.create(url)), url);
    }
  }

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
  void metadataLinkLocalAndMappedAddressesAreRefusedInEveryNotation() {
    for (String url :
        new String[] {
          "http://169.254.169.254/computeMetadata/v1/",
          "http://[fe80::1]/",
          "http://[fe80::a9fe:a9fe]/",
          "http://[fc00::1]/",
          "http://[::ffff:169.254.169.254]/",
          "http://[::ffff:10.0.0.1]/",
          "http://[::ffff:7f00:1]/",
          "http://[::]/",
          "http://[ff02::1]/"
        }) {
      OutboundRefusedException e =
          assertThrows(OutboundRefusedException.class, () -> strict.check(URI.create(url)), url);
      assertTrue(e.getMessage().contains("internal address"), url + ": " + e.getMessage());
    }
  }

  private void assertAllRefused(String... urls) {
    for (String url : urls) {
      OutboundRefusedException e =
          assertThrows(OutboundRefusedException.class, () -> strict.check(URI.create(url)), url);
      assertTrue(e.getMessage().contains("internal address"), url + ": " + e.getMessage());
    }
  }

  @Test
  void nat64AddressesOfInternalIpv4AddressesAreRefused() {
    assertAllRefused(
        "http://[64:ff9b::7f00:1]/",
        "http://[64:ff9b::127.0.0.1]/",
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
        "http://[64:ff9b::a00:1]/",
        "http://[64:ff9b::c0a8:101]/",
        // The local-use prefix (RFC 8215) may put the IPv4 address at any of several offsets.
        "http://[64:ff9b:1::808:808]/",
        "http://[64:ff9b:1:7f00:0:100::]/");
  }

  @Test
  void ipv4CompatibleAddressesOfInternalIpv4AddressesAreRefused() {
    assertAllRefused(
        "http://[::127.0.0.1]/",
        "http://[::7f00:1]/",
        "http://[::169.254.169.254]/",
        "http://[::10.0.0.1]/",
        "http://[::c0a8:101]/",
        "http://[::0.0.0.2]/",
        // The SIIT translated form (RFC 2765) of the same addresses.
        "http://[::ffff:0:7f00:1]/",
        "http://[::ffff:0:a9fe:a9fe]/");
  }

  @Test
  void sixToFourAddressesOfInternalIpv4AddressesAreRefused() {
    assertAllRefused(
        "http://[2002:7f00:1::]/",
        "http://[2002:7f00:1::1]/",
        "http://[2002:a9fe:a9fe::]/",
        "http://[2002:a00:1::5]/",
        "http://[2002:ac10:1::]/",
        "http://[2002:c0a8:101:1::1]/");
  }

  @Test
  void teredoAddressesWithAnInternalClientOrServerAreRefused() {
    assertAllRefused(
        // Server 65.54.227.120 (public), client 127.0.0.1 stored inverted as 80ff:fffe.
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
        // Client 169.254.169.254 inverted.
        "http://[2001:0:4136:e378:8000:63bf:5601:5601]/",
        // Server 10.0.0.1, client 8.8.8.8 (inverted f7f7:f7f7).
        "http://[2001:0:a00:1::f7f7:f7f7]/");
  }

  @Test
  void transitionFormsOfPublicAddressesAndPlainGlobalIpv6Pass() {
    for (String url :
        new String[] {
          "http://[64:ff9b::808:808]/",
          "http://[::8.8.8.8]/",
          "http://[2002:808:808::1]/",
          "http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/",
          "http://[2606:4700:4700::1111]/"
        }) {
      assertEquals(1, strict.check(URI.create(url)).size(), url);
    }
  }

  @Test
  void decimalOctalAndHexHostsNeverReachLoopbackOrMetadata() {
    // Java reads these as host names; the system resolver may still turn them into 127.0.0.1 or
    // 169.254.169.254 (inet_aton accepts them). Either way the guard refuses.
    for (String url :
        new String[] {
          "http://2130706433/",
          "http://0177.0.0.1/",
          "http://0x7f.0.0.1/",
          "http://0x7f000001/",
          "http://127.1/",
          "http://2852039166/",
          "http://0251.0376.0251.0376/"
        }) {
      try {
        // Java itself may read one as a public literal (0177.0.0.1 is 177.0.0.1 to Java, which
        // also connects there); what it resolves to must then be no internal address.
        for (InetAddress a : strict.check(URI.create(url))) {
          assertFalse(OutboundGuard.isInternal(a), url + " -> " + a);
        }
      } catch (OutboundRefusedException e) {
        // Refused: an internal address, an unknown host, or not a URL Java can use at all.
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), url);
      }
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
