package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HistoryParamsTest {

    @Test
    void pairsRoundTripInOrderWithoutNullsAndLineBreaks() {
        String stored = HistoryParams.format("event", "raised", "fromOffice", null, "office", "swc-a=b", "note", "two\nlines");
        assertEquals("event=raised\noffice=swc-a=b\nnote=two lines", stored);
        Map<String, String> back = HistoryParams.parse(stored);
        assertEquals(List.of("event", "office", "note"), List.copyOf(back.keySet()));
        assertEquals("swc-a=b", back.get("office"));
        assertNull(HistoryParams.format());
        assertNull(HistoryParams.format("office", null));
        assertEquals(Map.of(), HistoryParams.parse(null));
        assertThrows(IllegalArgumentException.class, () -> HistoryParams.format("odd"));
    }
}
