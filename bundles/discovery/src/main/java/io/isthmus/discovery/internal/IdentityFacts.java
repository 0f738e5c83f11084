package io.isthmus.discovery.internal;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The identity a device states about itself in a PDU it sends, in the fields the decoders set:
 * Modbus Read Device Identification (FC 43/14) objects, BACnet I-Am and the Device object's
 * properties, the CIP Identity object (List Identity, Get Attributes All/List/Single), MQTT client ids.
 */
final class IdentityFacts {
  private static final int MAX_CLIENT_IDS = 8;

  private IdentityFacts() {}

  static void fromSender(TelemetryEvent event, DeviceFacts device) {
    Map<String, Object> f = event.fields();
    switch (event.protocol()) {
      case "modbus" -> {
        if (event.direction() == Direction.RESPONSE && f.containsKey("mei_type")) {
          modbus(f, device);
        }
      }
      case "enip" -> {
        if (event.direction() == Direction.RESPONSE && (f.containsKey("vendor_id") || f.containsKey("product_name"))) {
          cip(f, device);
        }
      }
      case "bacnet" -> bacnet(event, f, device);
      case "mqtt" -> {
        if (event.direction() == Direction.REQUEST) {
          mqttClient(event, device);
        }
      }
      default -> { }
    }
  }

  /** The client id an MQTT event carries, for the client's device. */
  static void mqttClient(TelemetryEvent event, DeviceFacts client) {
    client.attributeListValue("mqtt_client_id", text(event.fields().get("client_id")), MAX_CLIENT_IDS);
  }

  /** Basic objects: VendorName, ProductCode, MajorMinorRevision; regular: ProductName, ModelName and more. */
  private static void modbus(Map<String, Object> f, DeviceFacts device) {
    String productCode = text(f.get("product_code"));
    String productName = text(f.get("product_name"));
    String modelName = text(f.get("model_name"));
    device.vendor(text(f.get("vendor")), DeviceFacts.STATED, "modbus");
    device.model(modelName != null ? modelName : productName != null ? productName : productCode, DeviceFacts.STATED);
    device.firmware(text(f.get("revision")));
    device.attribute("product_code", productCode);
    device.attribute("product_name", productName);
    device.attribute("vendor_url", text(f.get("vendor_url")));
    device.attribute("user_application_name", text(f.get("user_application_name")));
  }

  /** Vendor names are ODVA's vendor ids as the decoder names them (ICSNPP's table); "Unknown Vendor-…" is no name. */
  private static void cip(Map<String, Object> f, DeviceFacts device) {
    String vendorName = text(f.get("vendor_name"));
    if (vendorName != null && !vendorName.startsWith("Unknown")) {
      device.vendor(vendorName, DeviceFacts.FROM_ID, "enip");
    }
    device.model(text(f.get("product_name")), DeviceFacts.STATED);
    device.firmware(text(f.get("revision")));
    device.attribute("serial", text(f.get("serial_number")));
    device.attribute("product_code", text(f.get("product_code")));
    device.attribute("cip_vendor_id", text(f.get("vendor_id")));
    String deviceType = text(f.get("device_type_name"));
    if (deviceType != null && !deviceType.startsWith("Unknown")) {
      device.attribute("cip_device_type", deviceType);
    }
    if (f.get("device_type_id") instanceof Number id) {
      String type = switch (id.intValue()) {
        case 0x0e -> "plc"; // Programmable Logic Controller
        case 0x18 -> "hmi"; // Human-Machine Interface
        case 0x0c -> "communications-adapter";
        default -> null;
      };
      if (type != null) {
        device.type(type);
      }
    }
  }

  private static void bacnet(TelemetryEvent event, Map<String, Object> f, DeviceFacts device) {
    if ("I_AM".equals(event.operation()) && "device".equals(f.get("object_type"))) {
      device.attributeListValue("bacnet_device_instance", text(f.get("instance_number")), 8);
      device.attribute("bacnet_vendor_id", text(f.get("vendor_id")));
      String vendor = text(f.get("vendor"));
      if (vendor != null && !vendor.startsWith("Unknown")) {
        device.vendor(vendor, DeviceFacts.FROM_ID, "bacnet");
      }
      return;
    }
    if (event.direction() != Direction.RESPONSE) {
      return;
    }
    if ("device".equals(f.get("object_type")) && f.get("property") instanceof String property) {
      deviceProperty(property, text(f.get("value")), device);
    }
    if (f.get("properties") instanceof List<?> properties && f.get("values") instanceof List<?> values) {
      for (int i = 0; i < properties.size() && i < values.size(); i++) {
        // "device:501 model-name", value or "error:class/code"
        String ref = String.valueOf(properties.get(i));
        String value = String.valueOf(values.get(i));
        int space = ref.indexOf(' ');
        if (ref.startsWith("device:") && space > 0 && !value.startsWith("error:")) {
          deviceProperty(ref.substring(space + 1), value, device);
        }
      }
    }
  }

  private static void deviceProperty(String property, @Nullable String value, DeviceFacts device) {
    switch (property) {
      case "vendor-name" -> device.vendor(value, DeviceFacts.STATED, "bacnet");
      case "model-name" -> device.model(value, DeviceFacts.STATED);
      case "firmware-revision" -> device.firmware(value);
      case "application-software-version" -> device.attribute("application_software_version", value);
      case "object-name" -> device.attribute("bacnet_device_name", value);
      default -> { }
    }
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }
}
