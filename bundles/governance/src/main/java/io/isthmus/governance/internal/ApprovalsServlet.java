package io.isthmus.governance.internal;

import io.isthmus.api.governance.ApprovalQueue;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/** {@code /api/v1/approvals}: the approval queue. See {@link ApprovalsApi}. */
/*
 * Plain whiteboard properties and a reference to the whiteboard runtime, as ModelsServlet does:
 * without HTTP this component (and its servlet classes) stays inactive and governance still runs.
 */
@Component(service = Servlet.class,
    property = {"osgi.http.whiteboard.servlet.pattern=/api/v1/approvals", "osgi.http.whiteboard.servlet.pattern=/api/v1/approvals/*"},
    reference = @Reference(name = "httpRuntime", service = HttpServiceRuntime.class))
public final class ApprovalsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient ApprovalsApi api;

  @Activate
  public ApprovalsServlet(@Reference ApprovalQueue queue) {
    this.api = new ApprovalsApi(queue);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    HttpExchange.answer(resp, api.handle(req.getMethod(), req.getPathInfo(), HttpExchange.query(req),
        req.getHeader(ApprovalsApi.USER_HEADER), req.getHeader(ApprovalsApi.ROLES_HEADER), HttpExchange.body(req)));
  }
}
