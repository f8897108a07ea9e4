package org.borderledger.query.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Marker ids contain a slash ({@code 314/1}), so {@code GET /api/markers/314%2F1} must reach the controller with the
 * id in one path segment. Tomcat rejects {@code %2F} by default; passed through undecoded, Spring MVC's path patterns
 * split the path on real slashes only and decode the segment into {@code {id}} = {@code 314/1}. (There is no servlet
 * security filter chain here that would re-reject it; whoever adds one must allow encoded slashes there too.)
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesStayInTheirPathSegment() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
