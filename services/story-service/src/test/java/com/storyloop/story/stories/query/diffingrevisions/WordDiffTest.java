package com.storyloop.story.stories.query.diffingrevisions;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.storyloop.story.stories.query.diffingrevisions.WordDiff.Change;
import com.storyloop.story.stories.query.diffingrevisions.WordDiff.Op;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTest {

    @Test
    void showsWhichWordsWereDeletedAndInserted() {
        List<Change> changes = WordDiff.between("We shipped the fix in a week.", "I shipped the accessible fix in five days.");

        assertThat(changes).containsExactly(new Change(Op.DELETE, "We"), new Change(Op.INSERT, "I"), new Change(Op.EQUAL, " shipped the"),
                new Change(Op.INSERT, " accessible"), new Change(Op.EQUAL, " fix in "), new Change(Op.DELETE, "a week."),
                new Change(Op.INSERT, "five days."));
    }

    @Test
    void bothTextsCanBeRebuiltExactlyFromTheChanges() {
        String before = "Line one\r\nméthode 👩🏽‍💻 שלום\n";
        String after = "Line one\nméthode 👩🏽‍💻 עולם\r\n";

        List<Change> changes = WordDiff.between(before, after);

        assertThat(changes.stream().filter(c -> c.op() != Op.INSERT).map(Change::text).collect(Collectors.joining())).isEqualTo(before);
        assertThat(changes.stream().filter(c -> c.op() != Op.DELETE).map(Change::text).collect(Collectors.joining())).isEqualTo(after);
    }

    @Test
    void anAddedOrRemovedSectionIsOneInsertOrDelete() {
        assertThat(WordDiff.between(null, "new words")).containsExactly(new Change(Op.INSERT, "new words"));
        assertThat(WordDiff.between("old words", null)).containsExactly(new Change(Op.DELETE, "old words"));
        assertThat(WordDiff.between("same", "same")).containsExactly(new Change(Op.EQUAL, "same"));
    }

    @Test
    void twoEntirelyDifferentLongSectionsStayCheap() {
        String a = "alpha ".repeat(1_400);
        String b = "omega ".repeat(1_400);

        List<Change> changes = WordDiff.between(a, b);

        assertThat(changes.stream().filter(c -> c.op() == Op.INSERT).map(Change::text).collect(Collectors.joining())).contains("omega");
    }
}
