package io.isthmus.protocol.dnp3.internal;

import org.jspecify.annotations.Nullable;

/**
 * Names of object groups and variations as ICSNPP's {@code dnp3_objects} log spells them. ICSNPP
 * names only the objects below and leaves every other header out of that log.
 */
final class ObjectNames {
  private static final String ATTRIBUTES = "Device Attributes - ";

  private ObjectNames() {}

  /** ICSNPP's name of group {@code group} variation {@code variation}, or {@code null} if it has none. */
  static @Nullable String icsnpp(int group, int variation) {
    if (group == 0) {
      String attribute = attribute(variation);
      return attribute == null ? null : ATTRIBUTES + attribute;
    }
    return switch (group) {
      case 1 -> switch (variation) {
        case 0 -> "Binary Input Default Variation";
        case 1 -> "Single-bit Binary Input";
        case 2 -> "Binary Input With Status";
        default -> null;
      };
      case 2 -> switch (variation) {
        case 0 -> "Binary Input Change Default Variation";
        case 1 -> "Binary Input Change Without Time";
        case 2 -> "Binary Input Change With Time";
        case 3 -> "Binary Input Change With Relative Time";
        default -> null;
      };
      case 3 -> switch (variation) {
        case 0 -> "Double-bit Input Default Variation";
        case 1 -> "Double-bit Input No Flags";
        case 2 -> "Double-bit Input With Status";
        default -> null;
      };
      case 4 -> switch (variation) {
        case 0 -> "Double-bit Input Change Default Variation";
        case 1 -> "Double-bit Input Change Without Time";
        case 2 -> "Double-bit Input Change With Time";
        case 3 -> "Double-bit Input Change With Relative Time";
        default -> null;
      };
      case 10 -> switch (variation) {
        case 0 -> "Binary Output Default Variation";
        case 1 -> "Binary Output";
        case 2 -> "Binary Output Status";
        default -> null;
      };
      case 11 -> switch (variation) {
        case 0 -> "Binary Output Change Default Variation";
        case 1 -> "Binary Output Change Without Time";
        case 2 -> "Binary Output Change With Time";
        default -> null;
      };
      case 20 -> switch (variation) {
        case 0 -> "Binary Counter Default Variation";
        case 1 -> "32-Bit Binary Counter";
        case 2 -> "16-Bit Binary Counter";
        case 3 -> "32-Bit Delta Counter";
        case 4 -> "16-Bit Delta Counter";
        case 5 -> "32-Bit Binary Counter Without Flag";
        case 6 -> "16-Bit Binary Counter Without Flag";
        case 7 -> "32-Bit Delta Counter Without Flag";
        case 8 -> "16-Bit Delta Counter Without Flag";
        default -> null;
      };
      case 21 -> switch (variation) {
        case 0 -> "Frozen Binary Counter Default Variation";
        case 1 -> "32-Bit Frozen Counter";
        case 2 -> "16-Bit Frozen Counter";
        case 3 -> "32-Bit Frozen Delta Counter";
        case 4 -> "16-Bit Frozen Delta Counter";
        case 5 -> "32-Bit Frozen Counter w/ Time of Freeze";
        case 6 -> "16-Bit Frozen Counter w/ Time of Freeze";
        case 7 -> "32-Bit Frozen Delta Counter w/ Time of Freeze";
        case 8 -> "16-Bit Frozen Delta Counter w/ Time of Freeze";
        case 9 -> "32-Bit Frozen Counter Without Flag";
        case 10 -> "16-Bit Frozen Counter Without Flag";
        case 11 -> "32-Bit Frozen Delta Counter Without Flag";
        case 12 -> "16-Bit Frozen Delta Counter Without Flag";
        default -> null;
      };
      case 22 -> switch (variation) {
        case 0 -> "Counter Change Event Default Variation";
        case 1 -> "32-Bit Counter Change Event w/o Time";
        case 2 -> "16-Bit Counter Change Event w/o Time";
        case 3 -> "32-Bit Delta Counter Change Event w/o Time";
        case 4 -> "16-Bit Delta Counter Change Event w/o Time";
        case 5 -> "32-Bit Counter Change Event with Time";
        case 6 -> "16-Bit Counter Change Event with Time";
        case 7 -> "32-Bit Delta Counter Change Event with Time";
        case 8 -> "16-Bit Delta Counter Change Event with Time";
        default -> null;
      };
      case 23 -> switch (variation) {
        case 0 -> "Frozen Binary Counter Change Event Default Variation";
        case 1 -> "32-Bit Frozen Counter Change Event";
        case 2 -> "16-Bit Frozen Counter Change Event";
        case 3 -> "32-Bit Frozen Delta Counter Change Event";
        case 4 -> "16-Bit Frozen Delta Counter Change Event";
        case 5 -> "32-Bit Frozen Counter Change Event w/ Time of Freeze";
        case 6 -> "16-Bit Frozen Counter Change Event w/ Time of Freeze";
        case 7 -> "32-Bit Frozen Delta Counter Change Event w/ Time of Freeze";
        case 8 -> "16-Bit Frozen Delta Counter Change Event w/ Time of Freeze";
        default -> null;
      };
      case 30 -> switch (variation) {
        case 0 -> "Analog Input Default Variation";
        case 1 -> "32-Bit Analog Input";
        case 2 -> "16-Bit Analog Input";
        case 3 -> "32-Bit Analog Input Without Flag";
        case 4 -> "16-Bit Analog Input Without Flag";
        case 5 -> "32-Bit Floating Point Input";
        case 6 -> "64-Bit Floating Point Input";
        default -> null;
      };
      case 31 -> switch (variation) {
        case 1 -> "32-Bit Frozen Analog Input";
        case 2 -> "16-Bit Frozen Analog Input";
        case 3 -> "32-Bit Frozen Analog Input w/ Time of Freeze";
        case 4 -> "16-Bit Frozen Analog Input w/ Time of Freeze";
        case 5 -> "32-Bit Frozen Analog Input Without Flag";
        case 6 -> "16-Bit Frozen Analog Input Without Flag";
        case 7 -> "32-Bit Frozen Floating Point Input";
        case 8 -> "64-Bit Frozen Floating Point Input";
        default -> null;
      };
      case 32 -> switch (variation) {
        case 0 -> "Analog Input Change Default Variation";
        case 1 -> "32-Bit Analog Change Event w/o Time";
        case 2 -> "16-Bit Analog Change Event w/o Time";
        case 3 -> "32-Bit Analog Change Event w/ Time";
        case 4 -> "16-Bit Analog Change Event w/ Time";
        case 5 -> "32-Bit Floating Point Change Event w/o Time";
        case 6 -> "64-Bit Floating Point Change Event w/o Time";
        case 7 -> "32-Bit Floating Point Change Event w/ Time";
        case 8 -> "64-Bit Floating Point Change Event w/ Time";
        default -> null;
      };
      case 33 -> switch (variation) {
        case 1 -> "32-Bit Frozen Analog Event w/o Time";
        case 2 -> "16-Bit Frozen Analog Event w/o Time";
        case 3 -> "32-Bit Frozen Analog Event w/ Time";
        case 4 -> "16-Bit Frozen Analog Event w/ Time";
        case 5 -> "32-Bit Floating Point Frozen Change Event w/o Time";
        case 6 -> "64-Bit Floating Point Frozen Change Event w/o Time";
        case 7 -> "32-Bit Floating Point Frozen Change Event w/ Time";
        case 8 -> "64-Bit Floating Point Frozen Change Event w/ Time";
        default -> null;
      };
      case 40 -> switch (variation) {
        case 0 -> "Analog Output Default Variation";
        case 1 -> "32-Bit Analog Output Status";
        case 2 -> "16-Bit Analog Output Status";
        case 3 -> "32-Bit Floating Point Output Status";
        case 4 -> "64-Bit Floating Point Output Status";
        default -> null;
      };
      case 41 -> switch (variation) {
        case 1 -> "32-Bit Analog Output Block";
        case 2 -> "16-Bit Analog Output Block";
        case 3 -> "32-Bit Floating Point Output Block";
        case 4 -> "64-Bit Floating Point Output Block";
        default -> null;
      };
      case 42 -> switch (variation) {
        case 0 -> "Analog Output Event Default Variation";
        case 1 -> "32-Bit Analog Output Event w/o Time";
        case 2 -> "16-Bit Analog Output Event w/o Time";
        case 3 -> "32-Bit Analog Output Event w/ Time";
        case 4 -> "16-Bit Analog Output Event w/ Time";
        case 5 -> "32-Bit Floating Point Output Event w/o Time";
        case 6 -> "64-Bit Floating Point Output Event w/o Time";
        case 7 -> "32-Bit Floating Point Output Event w/ Time";
        case 8 -> "64-Bit Floating Point Output Event w/ Time";
        default -> null;
      };
      case 60 -> switch (variation) {
        case 1 -> "Class 0 Data";
        case 2 -> "Class 1 Data";
        case 3 -> "Class 2 Data";
        case 4 -> "Class 3 Data";
        default -> null;
      };
      default -> null;
    };
  }

  /** A name for any header: ICSNPP's where it has one, otherwise {@code g<group>v<variation>}. */
  static String describe(int group, int variation) {
    String name = icsnpp(group, variation);
    return name != null ? name : "g" + group + "v" + variation;
  }

  private static @Nullable String attribute(int variation) {
    return switch (variation) {
      case 209 -> "Secure Authentication Version";
      case 210 -> "Number of Security Statistics per Association";
      case 211 -> "Identification of Support for User-Specific Attributes";
      case 212 -> "Number of Master-Defined Data Set Properties";
      case 213 -> "Number of Outstation-Defined Data Set Properties";
      case 214 -> "Number of Master-Defined Data Sets";
      case 215 -> "Number of Outstation-Defined Data Sets";
      case 216 -> "Maximum Number of Binary Output Objects per Request";
      case 217 -> "Local Timing Accuracy";
      case 218 -> "Duration of Time Accuracy";
      case 219 -> "Support for Analog Output Events";
      case 220 -> "Maximum Analog Output Index";
      case 221 -> "Number of Analog Outputs";
      case 222 -> "Support for Binary Output Events";
      case 223 -> "Maximum Binary Output Index";
      case 224 -> "Number of Binary Outputs";
      case 225 -> "Support for Frozen Counter Events";
      case 226 -> "Support for Frozen Counters";
      case 227 -> "Support for Counter Events";
      case 228 -> "Maximum Counter Index";
      case 229 -> "Number of Counter Points";
      case 230 -> "Support for Frozen Analog Inputs";
      case 231 -> "Support for Analog Input Events";
      case 232 -> "Maximum Analog Input Index";
      case 233 -> "Number of Analog Input Points";
      case 234 -> "Support for Double-Bit Binary Events";
      case 235 -> "Maximum Double-Bit Binary Index";
      case 236 -> "Number of Double-Bit Binary Input Points";
      case 237 -> "Support for Binary Input Events";
      case 238 -> "Maximum Binary Input Index";
      case 239 -> "Number of Binary Input Points";
      case 240 -> "Maximum Transmit Fragment Size";
      case 241 -> "Maximum Receive Fragment Size";
      case 242 -> "Device Manufacturer Software Version";
      case 243 -> "Device Manufacturer Hardware Version";
      case 245 -> "User-Assigned Location Name";
      case 246 -> "User-Assigned ID Code or Number";
      case 247 -> "User-Assigned Device Name";
      case 248 -> "Device Serial Number";
      case 249 -> "DNP3 Subset and Conformance";
      case 250 -> "Device Manufacturer Product Name and Model";
      case 252 -> "Device Manufacturer Name";
      case 254 -> "Non-Specific All Attributes Request";
      case 255 -> "List of Attribute Variations";
      default -> null;
    };
  }
}
