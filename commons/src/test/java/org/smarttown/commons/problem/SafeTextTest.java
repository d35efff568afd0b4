package org.smarttown.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smarttown.commons.json.SafeText;

import com.fasterxml.jackson.databind.ObjectMapper;

class SafeTextTest {

    record Person(String name, List<String> tags) {
    }

    final ObjectMapper mapper = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new SafeText().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @ValueSource(strings = { "김순자", "O'Brien; DROP TABLE resident; --", "<script>alert(1)</script>",
            "line one\nline two\ttabbed", "👩‍💻 founder", "مرحبا\u200f", "" })
    void ordinaryTextIncludingHostileLookingTextIsTakenAsItIs(String text) throws Exception {
        String json = mapper.writeValueAsString(new Person(text, List.of(text)));
        assertEquals(new Person(text, List.of(text)), mapper.readValue(json, Person.class));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\ud800", "abc\\udc00", "\\udc00\\ud800", "nul\\u0000", "bell\\u0007", "c1\\u0085",
            "evil\\u202eexe.txt", "isolate\\u2066x\\u2069" })
    void textThatIsNotCleanUnicodeIsRefusedNamingTheField(String escaped) {
        var e = assertThrows(SafeText.UnsafeTextException.class,
                () -> mapper.readValue("{\"name\":\"" + escaped + "\",\"tags\":[]}", Person.class));
        Problem problem = ProblemMappers.jsonProblem(e);
        assertEquals(400, problem.status());
        assertEquals("name", problem.errors().get(0).field());
        assertTrue(problem.detail().startsWith("Field 'name' contains"), problem.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\ud800", "zero\\u0000" })
    void textInsideAListIsCheckedToo(String escaped) {
        var e = assertThrows(SafeText.UnsafeTextException.class,
                () -> mapper.readValue("{\"name\":\"ok\",\"tags\":[\"fine\",\"" + escaped + "\"]}", Person.class));
        assertEquals("tags[1]", ProblemMappers.jsonProblem(e).errors().get(0).field());
    }
}
