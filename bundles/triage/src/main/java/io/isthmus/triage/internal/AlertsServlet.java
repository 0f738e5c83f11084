package io.isthmus.triage.internal;

import io.isthmus.api.alert.AlertFormats;
import io.isthmus.api.store.AlertStore;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/** {@code /api/v1/alerts}: recent alerts as webhook JSON or OCSF. See {@link AlertsApi}. */
/*
 * Plain whiteboard properties, not the pattern annotation, so the bundle does not require an HTTP
 * whiteboard; the reference to the whiteboard runtime keeps this component inactive without one.
 */
@Component(service = Servlet.class,
    property = {"osgi.http.whiteboard.servlet.pattern=/api/v1/alerts", "osgi.http.whiteboard.servlet.pattern=/api/v1/alerts/*"},
    reference = @Reference(name = "httpRuntime", service = HttpServiceRuntime.class))
public final class AlertsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient AlertsApi api;

  @Activate
  public AlertsServlet(@Reference AlertStore store, @Reference AlertFormats formats) {
    this.api = new AlertsApi(store, formats);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    AlertsApi.Response r = api.handle(req.getMethod(), req.getPathInfo(), req.getParameter("limit"), req.getParameter("format"));
    resp.setStatus(r.status());
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter().write(r.json());
  }
}
