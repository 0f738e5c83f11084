package io.isthmus.model.sequence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operation names as the five decoders emit them, and what each does to a device. */
class OperationKindTest {

  @ParameterizedTest
  @CsvSource({
      "READ_HOLDING_REGISTERS, READ", "WRITE_SINGLE_REGISTER, WRITE", "WRITE_MULTIPLE_COILS, WRITE",
      "DIAGNOSTICS:Return Query Data, READ", "DIAGNOSTICS:Restart Communications Option, RESTART",
      "DIAGNOSTICS:Force Listen Only Mode, RESTART", "UMAS_STOP_PLC, MODE_CHANGE", "UMAS_START_PLC, MODE_CHANGE",
      "UMAS_INITIALIZE_DOWNLOAD, DOWNLOAD", "UMAS_DOWNLOAD_BLOCK, DOWNLOAD", "UMAS_INITIALIZE_UPLOAD, UPLOAD",
      "UMAS_READ_MEMORY_BLOCK, READ", "MODE_CHANGE_STOP, MODE_CHANGE", "MODE_CHANGE_RUN, MODE_CHANGE",
      "PROGRAM_TRANSFER, DOWNLOAD", "FILE_INITIATE_DOWNLOAD, DOWNLOAD", "FIRMWARE_UPDATE, FIRMWARE",
      "DEVICE_RESET, RESTART", "RESET, RESTART", "SET_ATTRIBUTE_LIST, WRITE", "GET_ATTRIBUTE_LIST, READ",
      "FORWARD_OPEN, READ", "COLD_RESTART, RESTART", "WARM_RESTART, RESTART", "STOP_APPL, MODE_CHANGE",
      "START_APPL, MODE_CHANGE", "DIRECT_OPERATE, WRITE", "SELECT, WRITE", "OPERATE, WRITE", "READ, READ",
      "DISABLE_UNSOLICITED, WRITE", "ACTIVATE_CONFIG, WRITE", "INITIALIZE_APPL, RESTART",
      "REINITIALIZE_DEVICE, RESTART", "reinitialize-device, RESTART", "DEVICE_COMMUNICATION_CONTROL, WRITE",
      "ATOMIC_WRITE_FILE, WRITE", "WRITE_PROPERTY, WRITE", "READ_PROPERTY, READ", "PUBLISH, READ", "SUBSCRIBE, READ"})
  void kindOf(String operation, OperationKind expected) {
    assertEquals(expected, OperationKind.of(operation));
  }
}
