package io.oppflow.pages;

import io.oppflow.security.BrowserPages;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The pages' routes and assets go through the browser door: the webapps' login, nothing anonymous. */
@Configuration
class PagesSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain pagesSecurityChain(HttpSecurity http, BrowserPages browser) throws Exception {
    RequestMatcher pages = new OrRequestMatcher(Stream.concat(Stream.of(PageRoutes.routes()), Stream.of(PageRoutes.ASSETS))
        .map(p -> (RequestMatcher) AntPathRequestMatcher.antMatcher(p)).toList());
    return browser.securityChain(http, pages);
  }
}
