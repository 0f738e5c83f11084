package io.isthmus.store.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

  @Test
  void sortsKeysAtEveryLevelAndDropsWhitespace() {
    assertEquals("{\"a\":[3,{\"x\":true,\"y\":null}],\"b\":{\"c\":\"d\",\"d\":false}}",
        CanonicalJson.canonicalObject(" {\n \"b\" : { \"d\" : false , \"c\":\"d\"},\t\"a\":[ 3 , {\"y\":null,\"x\":true} ] }\r\n"));
  }

  @Test
  void keysSortByUtf16CodeUnitsAsRfc8785() {
    // RFC 8785 section 3.2.3's example keys: U+20AC (euro) sorts before U+1F600 (a surrogate pair,
    // code unit 0xD83D) and after "\r", "1", "\u0080", "\u00f6".
    String input = "{\"\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
        + "\"1\":\"One\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    String canonical = CanonicalJson.canonicalObject(input);
    List<String> order = List.of("\\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33");
    int last = -1;
    for (String key : order) {
      int at = canonical.indexOf("\"" + key + "\"");
      assertTrue(at > last, key + " in RFC 8785 order in " + canonical);
      last = at;
    }
  }

  @Test
  void stringsUseMinimalEscapes() {
    assertEquals("{\"s\":\"a\\\"b\\\\c/\u00e9\u20ac\\n\\t\\u0001\\u001f\ud83d\ude00\"}",
        CanonicalJson.canonicalObject("{\"s\":\"a\\\"b\\\\c\\/\\u00e9\\u20AC\\n\\t\\u0001\\u001F\\ud83d\\ude00\"}"));
  }

  @Test
  void numbersStayAsWritten() {
    assertEquals("{\"a\":1.50,\"b\":-0,\"c\":1E+3,\"d\":12345678901234567890123}",
        CanonicalJson.canonicalObject("{\"d\":12345678901234567890123,\"c\":1E+3,\"b\":-0,\"a\":1.50}"));
  }

  @Test
  void canonicalFormIsAFixedPoint() {
    String once = CanonicalJson.canonicalObject("{\"z\":[1, 2, {\"b\":\"\\u00e9\", \"a\":[]}], \"a\":{}}");
    assertEquals(once, CanonicalJson.canonicalObject(once));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "42", "\"text\"", "null", "{", "{\"a\":1,}", "{\"a\":1}x", "{'a':1}",
      "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":tru}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
      "{\"a\":\"\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"line\nbreak\"}", "{\"a\":1,\"a\":2}", "{\"a\":1 /* c */}",
      "{\"a\":[1,]}", "{a:1}"})
  void refusesWhatIsNotAStrictJsonObject(String json) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalObject(json));
    assertTrue(e.getMessage().startsWith("payload must be a JSON object") || e.getMessage().startsWith("invalid JSON at offset"),
        e.getMessage());
  }

  @Test
  void duplicateKeyIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CanonicalJson.canonicalObject("{\"n\":{\"k\":1,\"k\":2}}"));
    assertTrue(e.getMessage().contains("duplicate key \"k\""), e.getMessage());
  }

  @Test
  void refusesNestingBeyondTheLimit() {
    String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalObject(deep));
  }

  @Test
  void stringArraysRoundTripOnlyInCanonicalForm() {
    List<String> links = List.of("alert-1", "with \"quote\"", "");
    String json = CanonicalJson.stringArray(links);
    assertEquals("[\"alert-1\",\"with \\\"quote\\\"\",\"\"]", json);
    assertEquals(links, CanonicalJson.parseStringArray(json));
    assertEquals(List.of(), CanonicalJson.parseStringArray("[]"));
    assertNull(CanonicalJson.parseStringArray("[\"a\", \"b\"]"), "whitespace is not canonical");
    assertNull(CanonicalJson.parseStringArray("[\"\\u0061\"]"), "an escape that is not needed is not canonical");
    assertNull(CanonicalJson.parseStringArray("[\"a\"]x"));
    assertNull(CanonicalJson.parseStringArray("[1]"));
  }
}
