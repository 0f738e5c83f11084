package io.isthmus.webconsole.auth.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void theRightPasswordMatchesAndOthersDoNot() {
    String stored = PasswordHash.hash("correct horse".toCharArray());
    assertTrue(PasswordHash.isWellFormed(stored), stored);
    assertTrue(PasswordHash.matches("correct horse".toCharArray(), stored));
    assertFalse(PasswordHash.matches("correct hors".toCharArray(), stored));
    assertFalse(PasswordHash.matches("admin".toCharArray(), stored));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(PasswordHash.hash("p".toCharArray()), PasswordHash.hash("p".toCharArray()));
  }

  @Test
  void malformedStoredValuesNeverMatch() {
    for (String bad : new String[] {"", "admin", "pbkdf2-sha256$x$y$z", "pbkdf2-sha256$0$AAAA$AAAA", "md5$1$AA$AA", "pbkdf2-sha256$1$$"}) {
      assertFalse(PasswordHash.matches("admin".toCharArray(), bad), bad);
    }
  }

  @Test
  void generatedPasswordsAreLongAndDistinct() {
    String a = PasswordHash.generatePassword();
    assertTrue(a.length() >= 24, a);
    assertNotEquals(a, PasswordHash.generatePassword());
  }

  @Test
  void blockedAfterFiveFailures() {
    FailedLogins f = new FailedLogins();
    for (int i = 0; i < FailedLogins.LIMIT; i++) {
      assertFalse(f.blocked("10.0.0.1"));
      f.failed("10.0.0.1");
    }
    assertTrue(f.blocked("10.0.0.1"));
    assertFalse(f.blocked("10.0.0.2"));
  }
}
