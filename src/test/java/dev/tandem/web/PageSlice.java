package dev.tandem.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import dev.tandem.org.TimeFormat;

/**
 * What a page controller's web slice test imports beside its controller, in any module: the
 * beans templates call (@timeFormat, @json, @pageLinks) and the resolver that gives the domain's
 * exceptions their status on pages. The application supplies the clock and the zone.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ TimeFormat.class, JsonAttribute.class, PageLinks.class, PageExceptionResolver.class })
public class PageSlice {
}
