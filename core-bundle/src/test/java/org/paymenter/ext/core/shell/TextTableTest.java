package org.paymenter.ext.core.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellTwoSpacesApart() {
        String text = new TextTable("NAME", "VERSION", "STATE")
                .row("proxmox", "1.2.0", "ACTIVE")
                .row("virtualizor", "10.0.0", "CONFLICT")
                .render();

        assertThat(text).isEqualTo("""
                NAME         VERSION  STATE
                proxmox      1.2.0    ACTIVE
                virtualizor  10.0.0   CONFLICT""");
    }

    @Test
    void linesHaveNoTrailingSpacesEvenWhenTheLastCellIsEmpty() {
        String text = new TextTable("A", "PROBLEM").row("x", "").row("longer", null).render();

        assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
        assertThat(text).isEqualTo("A       PROBLEM\nx\nlonger");
    }

    @Test
    void tableWithoutHeaderAlignsLabelsAndValues() {
        String text = TextTable.withoutHeader(2).row("id", "abc").row("extension", "servers/proxmox").render();

        assertThat(text).isEqualTo("id         abc\nextension  servers/proxmox");
    }

    @Test
    void lineBreaksInsideACellPrintAsSpaces() {
        assertThat(new TextTable("REASON").row("first\nsecond").render()).isEqualTo("REASON\nfirst second");
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsRefused() {
        TextTable table = new TextTable("A", "B");

        assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row has 1 cells; the table has 2 columns");
        assertThat(table.isEmpty()).isTrue();
    }

    @Test
    void emptyTableIsItsHeader() {
        assertThat(new TextTable("A", "B").render()).isEqualTo("A  B");
    }
}
