package io.isthmus.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus store",
    description = "Where the asset inventory is kept: an embedded H2 database by default, PostgreSQL when a URL is set.")
@interface StoreConfig {

  @AttributeDefinition(
      name = "JDBC URL",
      description = "jdbc:postgresql://host:5432/isthmus for PostgreSQL. Empty: an embedded H2 database in "
          + "<isthmus.data>/store when the framework property isthmus.data is set, else in the bundle's data area.",
      required = false)
  String url() default "";

  @AttributeDefinition(name = "User", required = false)
  String user() default "";

  @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
  String password() default "";
}
