package dev.tandem.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Reports people hand on, as PDF made on the server: a Thymeleaf template written as
 * well-formed XHTML (openhtmltopdf reads XML) is rendered with the page's model — bean
 * references such as {@code @timeFormat} work as in a page, links ({@code @{…}}) do not, there
 * being no request to resolve them against — and laid out by openhtmltopdf on A4 with its print
 * CSS. Charts go in as images ({@link ChartImage}).
 */
@Component
public class PdfReports {

	static {
		// openhtmltopdf logs every stage of every document at INFO through java.util.logging
		XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
	}

	private final ITemplateEngine templates;

	private final ApplicationContext context;

	PdfReports(ITemplateEngine templates, ApplicationContext context) {
		this.templates = templates;
		this.context = context;
	}

	/** Renders {@code template} with {@code model} as the download {@code fileName}.pdf. */
	public void download(String template, Map<String, ?> model, String fileName, HttpServletResponse response) {
		var xhtml = xhtml(template, model);
		response.setContentType(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(fileName + ".pdf", StandardCharsets.UTF_8).build().toString());
		try {
			write(xhtml, response.getOutputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String xhtml(String template, Map<String, ?> model) {
		var variables = new Context();
		model.forEach(variables::setVariable);
		variables.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		return templates.process(template, variables);
	}

	static void write(String xhtml, OutputStream out) throws IOException {
		var builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(xhtml, null);
		builder.toStream(out);
		builder.run();
	}
}
