package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When e-mail channels are refused at save time: only when mail could not go out at all. */
class MailServerTest {
  @Test
  void noHostAndNoMockInProductionIsMissing() {
    Optional<String> why = MailServer.missing(false, Optional.empty(), false);
    assertTrue(why.orElseThrow().contains("quarkus.mailer.host"), why.toString());
  }

  @Test
  void aSetHostIsEnough() {
    assertFalse(MailServer.missing(true, Optional.empty(), false).isPresent());
    assertFalse(MailServer.missing(true, Optional.of(false), true).isPresent());
  }

  @Test
  void aMockedMailerAcceptsEmailChannels() {
    assertFalse(MailServer.missing(false, Optional.of(true), false).isPresent());
    // Dev and test mode mock the mailer unless told not to.
    assertFalse(MailServer.missing(false, Optional.empty(), true).isPresent());
    assertTrue(MailServer.missing(false, Optional.of(false), true).isPresent());
  }
}
