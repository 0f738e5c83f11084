package io.isthmus.assets.internal;

import io.isthmus.api.store.AssetStore;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/** {@code /api/v1/assets}: the inventory as JSON. See {@link AssetsApi}. */
/*
 * Plain whiteboard properties, not the pattern annotation: that one makes the whole bundle require an
 * HTTP whiteboard, and 'isthmus assets' runs this bundle without HTTP. The reference to the whiteboard
 * runtime keeps this component (and its servlet classes) inactive there.
 */
@Component(service = Servlet.class,
    property = {"osgi.http.whiteboard.servlet.pattern=/api/v1/assets", "osgi.http.whiteboard.servlet.pattern=/api/v1/assets/*"},
    reference = @Reference(name = "httpRuntime", service = HttpServiceRuntime.class))
public final class AssetsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient AssetsApi api;

  @Activate
  public AssetsServlet(@Reference AssetStore store) {
    this.api = new AssetsApi(store);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    AssetsApi.Response r = api.handle(req.getMethod(), req.getPathInfo());
    resp.setStatus(r.status());
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    if (!"HEAD".equals(req.getMethod())) {
      resp.getWriter().write(r.json());
    }
  }
}
