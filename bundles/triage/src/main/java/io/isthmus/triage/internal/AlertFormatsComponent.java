package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertFormats;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Renders alerts for webhooks and OCSF consumers (connectors). */
@Component(service = AlertFormats.class)
public final class AlertFormatsComponent implements AlertFormats {

  private final String productVersion;

  @Activate
  public AlertFormatsComponent(BundleContext context) {
    this.productVersion = context.getBundle().getVersion().toString();
  }

  AlertFormatsComponent(String productVersion) {
    this.productVersion = productVersion;
  }

  @Override
  public String webhookJson(Alert alert) {
    return WebhookFormat.render(alert);
  }

  @Override
  public String ocsfJson(Alert alert) {
    return OcsfFormat.render(alert, productVersion);
  }
}
