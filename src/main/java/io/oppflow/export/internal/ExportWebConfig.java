package io.oppflow.export.internal;

import io.oppflow.export.ExportRequest;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every handler method that declares an {@link ExportRequest} gets the format its request asked for, and its API
 * description shows the {@code format} query parameter instead of the argument.
 */
@Configuration(proxyBeanMethods = false)
class ExportWebConfig implements WebMvcConfigurer {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExportRequest.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ExportRequestResolver());
  }

  @Bean
  OperationCustomizer exportFormatParameter() {
    return (operation, handler) -> {
      if (Arrays.stream(handler.getMethodParameters()).anyMatch(ExportRequestResolver::declaredBy)) {
        operation.addParametersItem(new QueryParameter().name(ExportRequestResolver.FORMAT).required(false)
            .description("json (default), csv or xlsx; or ask with Accept: text/csv or the XLSX media type")
            .schema(new StringSchema()._enum(List.of("json", "csv", "xlsx"))));
      }
      return operation;
    };
  }
}
