package io.isthmus.governance.internal;

import io.isthmus.api.governance.PolicyRegistry;
import io.isthmus.api.governance.RolloutControl;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/** {@code /api/v1/governance}: policy pack status and rollout modes. See {@link GovernanceApi}. */
@Component(service = Servlet.class,
    property = "osgi.http.whiteboard.servlet.pattern=/api/v1/governance/*",
    reference = @Reference(name = "httpRuntime", service = HttpServiceRuntime.class))
public final class GovernanceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient GovernanceApi api;

  @Activate
  public GovernanceServlet(@Reference PolicyRegistry policies, @Reference RolloutControl rollout) {
    this.api = new GovernanceApi(policies, rollout);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    HttpExchange.answer(resp, api.handle(req.getMethod(), req.getPathInfo(), HttpExchange.query(req),
        req.getHeader(ApprovalsApi.USER_HEADER), req.getHeader(ApprovalsApi.ROLES_HEADER), HttpExchange.body(req)));
  }
}
