package org.trustml.gateway;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.trustml.core.config.TrustmlProperties;
import org.trustml.core.web.Headers;
import org.trustml.core.web.InternalTokenFilter;
import org.trustml.core.web.ProblemWriter;
import org.trustml.gateway.auth.ApiKeyFilter;
import org.trustml.gateway.auth.ApiKeys;
import org.trustml.gateway.auth.RateLimiter;

/** The gateway's filters in order: request id, then API keys and limits on {@code /api}, internal token on {@code /internal}. */
@Configuration(proxyBeanMethods = false)
class GatewayWebConfig implements WebMvcConfigurer {

  private final GatewayProperties props;

  GatewayWebConfig(GatewayProperties props) {
    this.props = props;
  }

  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, RateLimiter limiter, ProblemWriter writer) {
    FilterRegistrationBean<ApiKeyFilter> reg = new FilterRegistrationBean<>(
        new ApiKeyFilter(keys, limiter, writer, props));
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return reg;
  }

  @Bean
  FilterRegistrationBean<InternalTokenFilter> internalApiFilter(TrustmlProperties core, ProblemWriter writer) {
    String token = core.internalToken();
    if (token.isEmpty() && !props.services().isEmpty()) {
      throw new IllegalStateException("trustml.internal-token (TRUSTML_INTERNAL_TOKEN) must be set when the gateway "
          + "routes to services: it is how services know a request came through the gateway");
    }
    // without a token the internal API is closed, not open
    FilterRegistrationBean<InternalTokenFilter> reg = new FilterRegistrationBean<>(new InternalTokenFilter(
        token, path -> path.startsWith("/internal/") || path.equals("/internal"), false, writer));
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return reg;
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry.addMapping("/api/**")
        .allowedOriginPatterns(props.corsAllowedOrigins().toArray(String[]::new))
        .allowedMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
        .allowedHeaders(Headers.API_KEY, Headers.IDEMPOTENCY_KEY, Headers.REQUEST_ID, "Content-Type", "Accept")
        .exposedHeaders(Headers.REQUEST_ID, "Location", "Retry-After", Headers.IDEMPOTENT_REPLAYED)
        .maxAge(3600);
  }
}
