package io.isthmus.discovery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus passive asset discovery",
    description = "Devices, their vendor, model, firmware, roles and peers from the decoded traffic, written to the "
        + "asset store.")
public @interface DiscoveryConfig {

  String PID = "io.isthmus.discovery";

  @AttributeDefinition(name = "Flush interval (seconds)", description = "How often devices whose facts changed are "
      + "written to the asset store.", min = "1")
  int flushIntervalSeconds() default 5;

  @AttributeDefinition(name = "Last-seen interval (seconds)", description = "How often a device that was only seen "
      + "again, with nothing new, has its last-seen time written.", min = "1")
  int lastSeenIntervalSeconds() default 60;

  @AttributeDefinition(name = "Devices", description = "At most this many IP addresses are tracked; further ones are "
      + "counted, not stored.", min = "1")
  int maxDevices() default 10_000;

  @AttributeDefinition(name = "Peers per device", description = "At most this many peer addresses are kept per "
      + "device; further ones are counted.", min = "1")
  int maxPeersPerDevice() default 64;

  @AttributeDefinition(name = "IEEE registry folder", description = "Folder with the IEEE MAC registry files oui.csv "
      + "(required for MAC vendors), mam.csv, oui36.csv and iab.csv, as Debian's ieee-data package installs them.")
  String ouiDirectory() default "/usr/share/ieee-data";
}
