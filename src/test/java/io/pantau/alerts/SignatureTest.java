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
        Signature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"));
  }

  @Test
  void secretsAreFreshEachTime() {
    assertNotEquals(Signature.newSecret(), Signature.newSecret());
  }
}
