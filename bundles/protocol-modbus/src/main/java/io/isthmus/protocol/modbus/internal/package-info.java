/**
 * Modbus/TCP decoder implementation; never exported.
 *
 * <p>Each PDU becomes one event with ICSNPP's field names; when the sink wants Zeek rows, the
 * same PDU also gives Zeek's {@code modbus} row ({@link ZeekModbusLog}) and ICSNPP's {@code
 * modbus_detailed}, {@code modbus_mask_write_register}, {@code modbus_read_write_multiple_registers}
 * and {@code modbus_read_device_identification} rows ({@link IcsnppLogs}), which follow Zeek's
 * binpac grammar and icsnpp-modbus's script, quirks included, so that they compare row for row.
 *
 * <p>Event fields beyond ICSNPP's columns: {@code func_code}, {@code func_class} (public, vendor,
 * user_defined, unassigned); for Read Device Identification (43/14) {@code conformity_level},
 * {@code more_follows}, {@code next_object_id}, {@code objects} and, for asset discovery, {@code
 * vendor}, {@code product_code}, {@code revision}, {@code vendor_url}, {@code product_name}, {@code
 * model_name}, {@code user_application_name}; for Schneider's UMAS (function 90) {@code
 * umas_session}, {@code umas_code}, {@code umas_func}, {@code umas_status}, and the operation is
 * the UMAS function ({@code UMAS_STOP_PLC}, {@code UMAS_DOWNLOAD_BLOCK}, ...).
 *
 * <p>Why not j2mod (com.ghgande:j2mod 3.2.1), whose PDU classes were meant to help: they are built
 * for a master or slave that knows what it sent, not for a passive decoder. A response's
 * {@code readData} cannot be parsed without the request it answers (coil responses need the
 * request's count), the classes are mutable, allocate per message and signal malformed input by
 * throwing {@code IOException} mid-parse (we must name the first problem and go on, and emulate
 * what Zeek accepts, which is neither stricter nor looser in the same places); function codes it
 * does not know (vendor codes such as UMAS 90, user-defined, unassigned) all become one
 * {@code IllegalFunctionRequest}; and it brings jSerialComm and slf4j 2 into the bundle for
 * serial transports we never open. Decoding the fixed layouts of the Modbus application
 * protocol specification by hand is a few hundred lines, allocation-light, and testable against
 * ICSNPP's and tshark's output, so the bundle does not depend on j2mod.
 */
@NullMarked
package io.isthmus.protocol.modbus.internal;

import org.jspecify.annotations.NullMarked;
