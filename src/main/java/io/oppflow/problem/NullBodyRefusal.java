package io.oppflow.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A JSON body that is just {@code null} reaches Camunda's REST resources as a null request object, which
 * they dereference (a NullPointerException, 500). It is the client's: refused as 400 before it gets there.
 */
final class NullBodyRefusal implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
    Object body = context.proceed();
    if (body == null && context.getMediaType() != null && context.getMediaType().getSubtype().endsWith("json")) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST,
          "请求体不能为 null / The request body must be a JSON object, not null");
    }
    return body;
  }
}
