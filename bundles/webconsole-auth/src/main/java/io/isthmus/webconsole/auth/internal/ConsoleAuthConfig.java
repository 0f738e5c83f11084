package io.isthmus.webconsole.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Isthmus web console credentials",
    description = "Who may use the Felix Web Console. Without a password hash, one is generated at first start and printed once.")
public @interface ConsoleAuthConfig {
  String PID = "io.isthmus.webconsole";

  @AttributeDefinition(name = "User name")
  String username() default "admin";

  @AttributeDefinition(name = "Password hash",
      description = "pbkdf2-sha256$iterations$salt$hash, as written at first start; empty generates a new password.")
  String password_hash() default "";
}
