/** MQTT 3.1/3.1.1/5.0 decoder implementation; never exported. */
@NullMarked
package io.isthmus.protocol.mqtt.internal;

import org.jspecify.annotations.NullMarked;
