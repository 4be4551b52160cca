package io.oppflow.export.internal;

import io.oppflow.export.ExportRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a handler method's {@link ExportRequest} from the {@code format} parameter and the Accept header. */
final class ExportRequestResolver implements HandlerMethodArgumentResolver {

  static final String FORMAT = "format";

  static boolean declaredBy(MethodParameter parameter) {
    return ExportRequest.class.equals(parameter.getParameterType());
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return declaredBy(parameter);
  }

  @Override
  public ExportRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
      WebDataBinderFactory binders) {
    return ExportRequest.of(request.getParameter(FORMAT), request.getHeader(HttpHeaders.ACCEPT));
  }
}
