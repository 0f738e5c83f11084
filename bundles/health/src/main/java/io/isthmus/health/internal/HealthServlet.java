package io.isthmus.health.internal;

import io.isthmus.api.json.JsonWriter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/health}: 200 when scoring (UP or DEGRADED, with reasons), 503 when DOWN. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/health")
public final class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient HealthService health;

  @Activate
  public HealthServlet(@Reference HealthService health) {
    this.health = health;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    HealthService.Report report = health.report();
    resp.setStatus(report.status() == HealthService.Status.DOWN ? 503 : 200);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter().write(JsonWriter.toJson(report.json()));
  }
}
