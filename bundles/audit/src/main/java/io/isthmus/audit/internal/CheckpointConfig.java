package io.isthmus.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus audit checkpoints",
    description = "How often the head of the audit log's hash chain is signed with the Ed25519 key in <isthmus.data>/keys.")
@interface CheckpointConfig {

  @AttributeDefinition(name = "Every N records", min = "1",
      description = "Sign a checkpoint once this many records were appended since the last one.")
  int everyRecords() default 1000;

  @AttributeDefinition(name = "Every T seconds", min = "1",
      description = "Sign a checkpoint this long after the last one if any record was appended since.")
  int intervalSeconds() default 60;

  @AttributeDefinition(name = "Check every (seconds)", min = "1",
      description = "How often the signer looks at the log's head.")
  int pollSeconds() default 1;
}
