package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {
  @Test
  void signsWithHmacSha256AsRfc4231TestCase2() {
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        Signature.hmac("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"));
  }

  @Test
  void theSignatureCoversTimestampDeliveryIdAndBodyJoinedByDots() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String s = Signature.sign(1_767_225_600L, "d-1", body, "Jefe");
    assertEquals(
        Signature.hmac("1767225600.d-1.{\"a\":1}".getBytes(StandardCharsets.UTF_8), "Jefe"), s);
    assertNotEquals(s, Signature.sign(1_767_225_601L, "d-1", body, "Jefe"));
    assertNotEquals(s, Signature.sign(1_767_225_600L, "d-2", body, "Jefe"));
  }

  @Test
  void secretsAreFreshEachTime() {
    assertNotEquals(Signature.newSecret(), Signature.newSecret());
  }
}
