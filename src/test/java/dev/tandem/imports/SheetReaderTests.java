package dev.tandem.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import dev.tandem.problem.InvalidInputException;

/** Reading a sheet's text: separators, rows' numbers, charsets, and matching headers to fields. */
class SheetReaderTests {

	static SheetTable csv(String text) {
		return SheetReader.read(text.getBytes(StandardCharsets.UTF_8), "text/csv");
	}

	@Test
	void rowsKeepTheLineTheyStartOnAcrossBlankLinesAndQuotedLineBreaks() {
		var sheet = csv("objective,key_result\n\nGrow,\"Users\nto 100\"\nShip,Beta\n");
		assertThat(sheet.header()).containsExactly("objective", "key_result");
		assertThat(sheet.rows()).extracting(SheetTable.Row::number).containsExactly(3, 5);
		assertThat(sheet.rows().get(0).cell(1)).isEqualTo("Users\nto 100");
	}

	@Test
	void semicolonsAndTabsSeparateWhenTheHeaderUsesThem() {
		assertThat(csv("objective;team\nGrow, fast;sales\n").rows().get(0).cells()).containsExactly("Grow, fast", "sales");
		assertThat(csv("objective\tteam\nGrow\tsales\n").rows().get(0).cells()).containsExactly("Grow", "sales");
	}

	@Test
	void aCharsetNamedByTheContentTypeIsUsedAndBadBytesAreRefused() {
		var latin = "name\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(SheetReader.read(latin, "text/csv; charset=ISO-8859-1").rows().get(0).cell(0)).isEqualTo("Caf\u00e9");
		assertThat(SheetReader.read(latin, "text/csv").rows().get(0).cell(0)).isEqualTo("Caf\u00e9");
		assertThatThrownBy(() -> SheetReader.read(latin, "text/csv; charset=UTF-8")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void anOldExcelFileIsRefusedWithWhatToDo() {
		var ole = new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 };
		assertThatThrownBy(() -> SheetReader.read(ole, null)).isInstanceOf(ErrorResponseException.class)
			.satisfies(e -> assertThat(((ErrorResponseException) e).getBody().getDetail()).contains(".xlsx or CSV"));
	}

	@Test
	void headersMatchLooselyByAliasAndByMappingWhichWins() {
		var columns = ColumnMap.of(List.of("Key Result", "OBJECTIVE ", "Start Value", "Notes", "Owner"),
				OkrSheetImport.FIELDS, Map.of("startvalue", "baseline"), Map.of("Notes", "unit", "Owner", "ignore"));
		assertThat(columns.fields()).containsEntry("key_result", 0).containsEntry("objective", 1)
			.containsEntry("baseline", 2).containsEntry("unit", 3).doesNotContainKey("owner");
		assertThat(columns.ignored()).containsExactly("Owner");
		assertThat(columns.problems()).isEmpty();
		assertThat(ColumnMap.of(List.of("x"), OkrSheetImport.FIELDS, Map.of(), Map.of("x", "nonsense")).problems())
			.singleElement().satisfies(p -> assertThat(p.message()).contains("not a field"));
	}
}
