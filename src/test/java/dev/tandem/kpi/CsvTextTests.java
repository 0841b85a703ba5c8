package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.tandem.problem.InvalidInputException;

class CsvTextTests {

	@Test
	void aBadByteIsReportedAtItsLineAndColumnAfterEverythingBeforeItWasRead() {
		var body = new byte[20_000];
		java.util.Arrays.fill(body, (byte) 'a');
		for (int i = 99; i < body.length; i += 100) {
			body[i] = '\n';
		}
		body[12_345] = (byte) 0xE9; // line 124, column 46
		assertThatThrownBy(() -> readAll(CsvText.reader(new ByteArrayInputStream(body), "text/csv")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.problems().get(0).field()).isEqualTo("line 124");
				assertThat(e.problems().get(0).message()).startsWith("column 46 ").contains("not valid UTF-8");
			});
	}

	@Test
	void aTruncatedSequenceAtTheEndIsRefusedToo() {
		byte[] body = { 'o', 'k', '\n', (byte) 0xC3 };
		assertThatThrownBy(() -> readAll(CsvText.reader(new ByteArrayInputStream(body), (String) null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems().get(0).field()).isEqualTo("line 2"));
	}

	@Test
	void theNamedCharsetDecidesAndUtf8IsTheDefault() throws IOException {
		byte[] latin = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(readAll(CsvText.reader(new ByteArrayInputStream(latin), "text/csv; charset=windows-1252"))).isEqualTo("caf\u00e9");
		byte[] utf8 = "\uFEFFcaf\u00e9 \u20ac".getBytes(StandardCharsets.UTF_8);
		assertThat(readAll(CsvText.reader(new ByteArrayInputStream(utf8), "text/csv"))).isEqualTo("\uFEFFcaf\u00e9 \u20ac");
	}

	@Test
	void anUnknownCharsetIsAClearRefusal() {
		assertThatThrownBy(() -> CsvText.reader(new ByteArrayInputStream(new byte[0]), "text/csv; charset=klingon"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems().get(0).field()).isEqualTo("Content-Type"));
	}

	private static String readAll(Reader reader) throws IOException {
		var text = new StringBuilder();
		var buffer = new char[777];
		for (int n; (n = reader.read(buffer)) >= 0;) {
			text.append(buffer, 0, n);
		}
		return text.toString();
	}
}
