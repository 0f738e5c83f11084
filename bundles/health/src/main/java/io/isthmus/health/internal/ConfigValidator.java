package io.isthmus.health.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Checks every configuration against its Metatype definition before components see it (Config
 * Admin calls plugins when SCR reads a configuration). A value that does not fit — {@code
 * workers=abc}, a number out of range — is removed, so the component keeps its default, and is
 * reported in health and the log with the file and key.
 */
@Component(service = ConfigurationPlugin.class, property = ConfigurationPlugin.CM_RANKING + ":Integer=100")
public final class ConfigValidator implements ConfigurationPlugin {
  private static final String FILE_PROPERTY = "felix.fileinstall.filename";
  private static final String KEY = "config:";

  private final BundleContext context;
  private final MetaTypeService metaType;
  private final ProblemBoard board;

  @Activate
  public ConfigValidator(BundleContext context, @Reference MetaTypeService metaType, @Reference ProblemBoard board) {
    this.context = context;
    this.metaType = metaType;
    this.board = board;
  }

  @Override
  public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
    Object factoryPid = properties.get(ConfigurationAdmin.SERVICE_FACTORYPID);
    Object pid = properties.get(Constants.SERVICE_PID);
    String ocdId = String.valueOf(factoryPid != null ? factoryPid : pid);
    ObjectClassDefinition ocd = find(ocdId);
    if (ocd == null) {
      return;
    }
    String source = source(properties, String.valueOf(pid));
    board.clearPrefix(KEY + pid + "#");
    AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
    if (ads == null) {
      return;
    }
    for (AttributeDefinition ad : ads) {
      Object value = properties.get(ad.getID());
      if (value == null) {
        continue;
      }
      String error = validate(ad, value);
      if (error != null) {
        properties.remove(ad.getID());
        board.reject(KEY + pid + "#" + ad.getID(), new Problem("config", source,
            "key '" + ad.getID() + "' = '" + render(value) + "' rejected: " + error + "; the default applies",
            Map.of("pid", String.valueOf(pid), "key", ad.getID())));
      }
    }
  }

  /** The validation error of a value, or {@code null} if it fits. */
  static @Nullable String validate(AttributeDefinition ad, Object value) {
    for (String item : items(value)) {
      String result = ad.validate(item);
      if (result != null && !result.isEmpty()) {
        return result + " (expected " + typeName(ad.getType()) + ")";
      }
    }
    return null;
  }

  private static String typeName(int type) {
    return switch (type) {
      case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> "an integer";
      case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
      case AttributeDefinition.BOOLEAN -> "true or false";
      case AttributeDefinition.CHARACTER -> "one character";
      default -> "text";
    };
  }

  private static List<String> items(Object value) {
    List<String> out = new ArrayList<>();
    if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        out.add(String.valueOf(Array.get(value, i)));
      }
    } else if (value instanceof Collection<?> c) {
      for (Object o : c) {
        out.add(String.valueOf(o));
      }
    } else {
      out.add(String.valueOf(value));
    }
    return out;
  }

  private static String render(Object value) {
    return String.join(",", items(value));
  }

  private static String source(Dictionary<String, Object> properties, String pid) {
    Object file = properties.get(FILE_PROPERTY);
    if (file == null) {
      return pid;
    }
    String s = file.toString();
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    return s.substring(slash + 1);
  }

  private @Nullable ObjectClassDefinition find(String id) {
    for (Bundle b : context.getBundles()) {
      MetaTypeInformation info = metaType.getMetaTypeInformation(b);
      if (info == null) {
        continue;
      }
      if (contains(info.getPids(), id) || contains(info.getFactoryPids(), id)) {
        try {
          return info.getObjectClassDefinition(id, null);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static boolean contains(String @Nullable [] values, String id) {
    if (values != null) {
      for (String v : values) {
        if (v.equals(id)) {
          return true;
        }
      }
    }
    return false;
  }
}
