/**
 * Every table the service shows can be taken away as CSV (UTF-8 with BOM, so Excel reads Chinese
 * correctly) or XLSX: an endpoint that declares {@link io.oppflow.export.ExportRequest}
 * answers in the format the request asks for with {@code format=csv|xlsx} or its {@code Accept} header.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Export", allowedDependencies = {"shared"})
package io.oppflow.export;
