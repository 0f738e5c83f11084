package io.isthmus.pipeline.internal;

import io.isthmus.api.pipeline.ModelLifecycle;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of {@code /api/v1/models}, without the servlet API so it can be tested alone:
 * {@code GET /api/v1/models}, {@code POST /api/v1/models/{id}/promote} and
 * {@code POST /api/v1/models/{id}/rollback}. Every error is one JSON message, never a trace.
 */
final class ModelsApi {
  private static final Logger LOG = LoggerFactory.getLogger(ModelsApi.class);
  private static final Pattern ACTION = Pattern.compile("/([^/]+)/(promote|rollback)/?");

  record Response(int status, String json) {}

  private final ModelLifecycle lifecycle;

  ModelsApi(ModelLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /**
   * @param method the HTTP method
   * @param pathInfo the path after {@code /api/v1/models}, decoded; {@code null} or empty for the
   *     collection itself
   */
  Response handle(String method, String pathInfo) {
    String path = pathInfo == null ? "" : pathInfo;
    try {
      if (path.isEmpty() || path.equals("/")) {
        return "GET".equals(method) ? new Response(200, ModelsJson.models(lifecycle.models()))
            : new Response(405, ModelsJson.error("Use GET on /api/v1/models"));
      }
      Matcher m = ACTION.matcher(path);
      if (!m.matches()) {
        return new Response(404, ModelsJson.error("No such resource: /api/v1/models" + path));
      }
      if (!"POST".equals(method)) {
        return new Response(405, ModelsJson.error("Use POST to " + m.group(2) + " a model"));
      }
      String id = m.group(1);
      return new Response(200, ModelsJson.model(
          m.group(2).equals("promote") ? lifecycle.promote(id) : lifecycle.rollback(id)));
    } catch (NoSuchElementException e) {
      return new Response(404, ModelsJson.error(e.getMessage()));
    } catch (IllegalStateException e) {
      return new Response(409, ModelsJson.error(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("{} /api/v1/models{} failed: {}", method, path, e.toString());
      return new Response(500, ModelsJson.error("The request failed; the pipeline log has the reason"));
    }
  }
}
