package io.isthmus.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ModelLifecycle;
import io.isthmus.api.pipeline.ShadowComparison;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelsApiTest {
  private static final ShadowComparison COMPARISON =
      new ShadowComparison("m", "1", "2", 0, 10, 3, 4, 3, 4, 2, 0.4, 0.25);

  private final ModelLifecycle lifecycle = new ModelLifecycle() {
    @Override
    public List<ModelInfo> models() {
      return List.of(new ModelInfo("m", "1", "2", false, true, COMPARISON),
          new ModelInfo("q\"x", null, null, false, false, null));
    }

    @Override
    public Optional<ShadowComparison> comparison(String modelId) {
      return Optional.empty();
    }

    @Override
    public ModelInfo promote(String modelId) {
      if (modelId.equals("m")) {
        return new ModelInfo("m", "2", "1", true, false, null);
      }
      throw new NoSuchElementException("No model has the id '" + modelId + "'");
    }

    @Override
    public ModelInfo rollback(String modelId) {
      throw new IllegalStateException("Model '" + modelId + "' has no rollback target");
    }
  };

  private final ModelsApi api = new ModelsApi(lifecycle);

  @Test
  void listsModelsWithTheirComparison() {
    ModelsApi.Response r = api.handle("GET", null);
    assertEquals(200, r.status());
    assertTrue(r.json().startsWith("{\"models\":[{\"id\":\"m\",\"activeVersion\":\"1\",\"shadowVersion\":\"2\","
        + "\"rollbackAvailable\":false,\"learning\":true,\"comparison\":{"), r.json());
    assertTrue(r.json().contains("\"eventsScoredByBoth\":10,\"activeFindings\":3,\"shadowFindings\":4"), r.json());
    assertTrue(r.json().contains("\"agreement\":0.4,\"meanAbsScoreDrift\":0.25}"), r.json());
    assertTrue(r.json().contains("{\"id\":\"q\\\"x\",\"activeVersion\":null,"), "escaped: " + r.json());
  }

  @Test
  void promoteAndRollbackAnswerOneJsonMessage() {
    ModelsApi.Response ok = api.handle("POST", "/m/promote");
    assertEquals(200, ok.status());
    assertTrue(ok.json().startsWith("{\"id\":\"m\",\"activeVersion\":\"2\",\"shadowVersion\":\"1\",\"rollbackAvailable\":true"));
    assertEquals(new ModelsApi.Response(404, "{\"error\":\"No model has the id 'zz'\"}"), api.handle("POST", "/zz/promote"));
    assertEquals(new ModelsApi.Response(409, "{\"error\":\"Model 'm' has no rollback target\"}"), api.handle("POST", "/m/rollback"));
    assertEquals(405, api.handle("GET", "/m/promote").status());
    assertEquals(405, api.handle("DELETE", "").status());
    ModelsApi.Response unknown = api.handle("POST", "/m/explode");
    assertEquals(404, unknown.status());
    assertFalse(unknown.json().contains("Exception"));
  }
}
