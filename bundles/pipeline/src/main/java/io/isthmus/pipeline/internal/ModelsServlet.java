package io.isthmus.pipeline.internal;

import io.isthmus.api.pipeline.ModelLifecycle;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/** {@code /api/v1/models}: the models' roles and shadow comparisons; promote and roll back. See {@link ModelsApi}. */
/*
 * Plain whiteboard properties, not the pattern annotation: that one makes the whole bundle require
 * an HTTP whiteboard, and the pipeline also runs without HTTP (isthmus analyze). The reference to
 * the whiteboard runtime keeps this component (and its servlet classes) inactive there.
 */
@Component(service = Servlet.class,
    property = {"osgi.http.whiteboard.servlet.pattern=/api/v1/models", "osgi.http.whiteboard.servlet.pattern=/api/v1/models/*"},
    reference = @Reference(name = "httpRuntime", service = HttpServiceRuntime.class))
public final class ModelsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient ModelsApi api;

  @Activate
  public ModelsServlet(@Reference ModelLifecycle lifecycle) {
    this.api = new ModelsApi(lifecycle);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    ModelsApi.Response r = api.handle(req.getMethod(), req.getPathInfo());
    resp.setStatus(r.status());
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter().write(r.json());
  }
}
