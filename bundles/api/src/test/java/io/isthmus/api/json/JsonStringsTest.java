package io.isthmus.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder();
    JsonStrings.append(out, text);
    return out.toString();
  }

  private static String canonical(String text) {
    StringBuilder out = new StringBuilder();
    JsonStrings.appendCanonical(out, text);
    return out.toString();
  }

  /** What a JSON parser reads back from {@code json}, a JSON string. */
  private static String parsed(String json) {
    return Json.createReader(new StringReader("[" + json + "]")).readArray().getString(0);
  }

  /** {@code text} with every unpaired surrogate replaced by U+FFFD, worked out by code points. */
  private static String withoutLoneSurrogates(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp));
    return out.toString();
  }

  @Test
  void quoteAndBackslashAreEscapedSlashAndDeleteAreNot() {
    assertEquals("\"a\\\"b\\\\c/d\u007f\"", quoted("a\"b\\c/d\u007f"));
    assertEquals("\"\"", quoted(""));
  }

  @Test
  void controlCharactersUseTheShortEscapesOrSixCharacters() {
    assertEquals("\"\\b\\f\\n\\r\\t\"", quoted("\b\f\n\r\t"));
    assertEquals("\"\\u0000\\u0001\\u000b\\u001f \"", quoted("\u0000\u0001\u000b\u001f\u0020"));
    for (char c = 0; c < 0x20; c++) {
      String json = quoted("x" + c + "y");
      assertEquals("x" + c + "y", parsed(json), json);
      assertEquals(json, canonical("x" + c + "y"), "canonical JSON escapes control characters alike");
    }
  }

  @Test
  void lineAndParagraphSeparatorsAreEscapedExceptInCanonicalJson() {
    assertEquals("\"a\\u2028b\\u2029c\"", quoted("a\u2028b\u2029c"));
    assertEquals("\"a\u2028b\u2029c\"", canonical("a\u2028b\u2029c"));
  }

  @Test
  void loneSurrogatesBecomeTheReplacementCharacterPairsStay() {
    assertEquals("\"\ud83d\ude00\"", quoted("\ud83d\ude00"));
    assertEquals("\"\ufffd\"", quoted("\ud83d"), "a high surrogate at the end");
    assertEquals("\"\ufffdx\"", quoted("\ud83dx"), "a high surrogate before a letter");
    assertEquals("\"x\ufffd\"", quoted("x\ude00"), "a low surrogate alone");
    assertEquals("\"\ufffd\ufffd\"", quoted("\ude00\ud83d"), "low before high is no pair");
    assertEquals("\"\ufffd\ud83d\ude00\"", quoted("\ud83d\ud83d\ude00"), "two highs, then a low: the second pairs");
    assertEquals("\"\ude00\ud83d\"", canonical("\ude00\ud83d"), "canonical JSON leaves them to the caller");
  }

  @Test
  void otherCharactersAreWrittenAsTheyAre() {
    assertEquals("\"\u00e9\u4e2d\u3000\ufeff\uffff <>&'\"", quoted("\u00e9\u4e2d\u3000\ufeff\uffff <>&'"));
  }

  @Test
  void aParserReadsBackEveryCharacter() {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= 0xffff; c++) {
      all.append((char) c);
    }
    String text = all.toString();
    assertEquals(withoutLoneSurrogates(text), parsed(quoted(text)));
  }

  @Test
  void aParserReadsBackRandomTextOfAwkwardCharacters() {
    char[] alphabet = {'a', '"', '\\', '/', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '\u00e9', '\ud83d',
        '\ude00', '\udbff', '\udc00', '\ufffd'};
    Random random = new Random(20_260_501);
    for (int round = 0; round < 2_000; round++) {
      char[] chars = new char[random.nextInt(12)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String text = new String(chars);
      String json = quoted(text);
      assertEquals(withoutLoneSurrogates(text), parsed(json), json);
    }
  }
}
