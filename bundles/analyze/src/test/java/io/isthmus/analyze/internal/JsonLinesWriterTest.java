package io.isthmus.analyze.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.json.JsonWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every line a real JSON parser reads back to the finding's values, whatever the text holds. */
class JsonLinesWriterTest {

  @Test
  void eachFindingIsOneJsonObjectOnOneLineWithEveryField() throws IOException {
    String awkward = "The \"HMI\" at C:\\ops wrote\nregister 7\tthen\u0001 \u2028stopped \u00e9\u4e2d \ud83d\ude00.";
    List<Finding> findings = List.of(Findings.finding("baseline", 1_494_530_521_102_380L, awkward),
        Findings.finding("semantics", 1_494_530_522_000_001L, "plain"));
    StringWriter out = new StringWriter();

    new JsonLinesWriter().write(findings, out);

    String[] lines = out.toString().split("\n", -1);
    assertEquals(3, lines.length);
    assertEquals("", lines[2]);
    JsonObject o = Json.createReader(new StringReader(lines[0])).readObject();
    assertEquals("2017-05-11T19:22:01.102380Z", o.getString("time"));
    assertEquals("1494530521.102380", o.getJsonNumber("ts").toString());
    assertEquals(1_494_530_521_102_380L, o.getJsonNumber("ts").bigDecimalValue().movePointRight(6).longValueExact());
    assertEquals("plant.pcap", o.getString("sensor"));
    assertEquals("10.0.0.5", o.getJsonObject("device").getString("ip"));
    assertEquals(502, o.getJsonObject("device").getInt("port"));
    assertEquals("1", o.getJsonObject("device").getString("device_id"));
    assertEquals("10.0.0.9", o.getJsonObject("source").getString("ip"));
    assertEquals(49_152, o.getJsonObject("source").getInt("port"));
    assertFalse(o.getJsonObject("source").containsKey("device_id"));
    assertEquals("10.0.0.5", o.getJsonObject("destination").getString("ip"));
    assertEquals("modbus", o.getString("protocol"));
    assertEquals("WRITE_SINGLE_REGISTER", o.getString("operation"));
    assertEquals("baseline", o.getString("model"));
    assertEquals("1.2.0", o.getString("model_version"));
    assertEquals(0.875, o.getJsonNumber("score").doubleValue());
    assertEquals(List.of("new_writer_host", "fc_not_in_baseline:6"),
        o.getJsonArray("indicators").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
    assertEquals(2, o.getJsonArray("techniques").size());
    JsonObject t = o.getJsonArray("techniques").getJsonObject(1);
    assertEquals("T0836", t.getString("id"));
    assertEquals("Modify Parameter", t.getString("name"));
    assertEquals("Impair Process Control", t.getString("tactic"));
    assertEquals(2, o.getInt("evidence_events"));
    assertEquals(awkward, o.getString("explanation"));
    assertTrue(lines[0].startsWith("{\"time\":"), lines[0]);
    assertEquals("semantics", Json.createReader(new StringReader(lines[1])).readObject().getString("model"));
  }

  @Test
  void numbersAreJsonNumbers() {
    JsonWriter json = new JsonWriter().beginArray();
    JsonLinesWriter.number(json, 1.0);
    JsonLinesWriter.number(json, 0.0);
    JsonLinesWriter.number(json, 1e-7);
    JsonLinesWriter.number(json, 0.875);
    assertEquals("[1,0,1.0E-7,0.875]", json.endArray().toString());
    assertThrows(IllegalArgumentException.class, () -> JsonLinesWriter.number(new JsonWriter(), Double.NaN));
    assertEquals(1e-7, Json.createReader(new StringReader("[1.0E-7]")).readArray().getJsonNumber(0).doubleValue());
  }
}
