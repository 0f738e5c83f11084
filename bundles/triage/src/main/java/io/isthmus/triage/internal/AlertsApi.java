package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertFormats;
import io.isthmus.api.json.JsonWriter;
import io.isthmus.api.store.AlertStore;
import io.isthmus.api.store.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of {@code /api/v1/alerts}, without the servlet API so it can be tested alone:
 * {@code GET /api/v1/alerts[?limit=N][&format=ocsf]} (most recently updated first) and
 * {@code GET /api/v1/alerts/{id}[?format=ocsf]}. Every error is one JSON message, never a trace.
 */
final class AlertsApi {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsApi.class);
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  record Response(int status, String json) {}

  private final AlertStore store;
  private final AlertFormats formats;

  AlertsApi(AlertStore store, AlertFormats formats) {
    this.store = store;
    this.formats = formats;
  }

  Response handle(String method, @Nullable String pathInfo, @Nullable String limit, @Nullable String format) {
    if (!"GET".equals(method)) {
      return error(405, "Use GET on /api/v1/alerts");
    }
    Function<Alert, String> render;
    if (format == null || format.isEmpty() || format.equals("webhook")) {
      render = formats::webhookJson;
    } else if (format.equals("ocsf")) {
      render = formats::ocsfJson;
    } else {
      return error(400, "Unknown format '" + format + "': use webhook (default) or ocsf");
    }
    String path = pathInfo == null ? "" : pathInfo;
    try {
      if (path.isEmpty() || path.equals("/")) {
        int rows = parseLimit(limit);
        if (rows < 0) {
          return error(400, "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return new Response(200, list(store.recent(rows), render));
      }
      String id = path.substring(1);
      if (id.isEmpty() || id.contains("/")) {
        return error(404, "No such resource: /api/v1/alerts" + path);
      }
      Optional<Alert> alert = store.findById(id);
      return alert.map(a -> new Response(200, render.apply(a))).orElseGet(() -> error(404, "No alert " + id));
    } catch (StoreException e) {
      LOG.warn("GET /api/v1/alerts{} failed: {}", path, e.toString());
      return error(503, "The alert store is not available; the log has the reason");
    }
  }

  private static int parseLimit(@Nullable String limit) {
    if (limit == null || limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      return value >= 1 && value <= MAX_LIMIT ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String list(List<Alert> alerts, Function<Alert, String> render) {
    StringBuilder json = new StringBuilder("{\"count\":").append(alerts.size()).append(",\"alerts\":[");
    for (int i = 0; i < alerts.size(); i++) {
      json.append(i == 0 ? "" : ",").append(render.apply(alerts.get(i)));
    }
    return json.append("]}").toString();
  }

  private static Response error(int status, String message) {
    return new Response(status, new JsonWriter().beginObject().name("error").value(message).endObject().toString());
  }
}
