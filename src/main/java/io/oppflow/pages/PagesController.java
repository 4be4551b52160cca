package io.oppflow.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves each page's HTML at its route; the page's script then asks the API for its figures. */
@Hidden
@Controller
class PagesController {

  @GetMapping({PageRoutes.HOME, PageRoutes.FUNNEL, PageRoutes.COMPARE, PageRoutes.FORECAST, PageRoutes.HEATMAP,
      PageRoutes.WARNINGS, PageRoutes.COMPLIANCE, PageRoutes.OPPORTUNITY, PageRoutes.RULES})
  ResponseEntity<Resource> page(HttpServletRequest request) {
    return PageRoutes.file(request.getRequestURI())
        .map(file -> new ClassPathResource("static/pages/" + file))
        .filter(Resource::exists)
        .map(html -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
            .body((Resource) html))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
