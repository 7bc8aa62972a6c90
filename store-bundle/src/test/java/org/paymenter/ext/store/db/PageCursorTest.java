package org.paymenter.ext.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsAnId() {
        String id = "01JABCDEFGHJKMNPQRSTVWXYZ0";
        assertThat(PageCursor.lastId(PageCursor.after(id))).isEqualTo(id);
        assertThat(PageCursor.after(id)).doesNotContain(id);
    }

    @Test
    void refusesWhatItDidNotMake() {
        assertThatThrownBy(() -> PageCursor.lastId("not base64!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not one this API gave out");
        assertThatThrownBy(() -> PageCursor.lastId("YWZ0ZXI6JyBPUiAxPTE"))
                .hasMessageContaining("is not one this API gave out");
    }
}
