package org.govkiosk.print.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.govkiosk.print.Samples;
import org.govkiosk.print.data.TemplateKind;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Medium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped templates load; a broken template folder is refused with every problem named. */
class TemplateRepositoryTest {

    @Test
    void shippedTemplatesCoverEveryKind() {
        TemplateRepository repo = Samples.templates();
        for (TemplateKind kind : TemplateKind.values()) {
            Template t = repo.template(kind);
            assertThat(t).as(kind.id()).isNotNull();
            assertThat(t.id()).isEqualTo(kind.id());
        }
        assertThat(repo.template(TemplateKind.ACCEPTANCE_RECEIPT).medium()).isEqualTo(Medium.RECEIPT);
        assertThat(repo.template(TemplateKind.COMPLETION_CERTIFICATE).medium()).isEqualTo(Medium.A4);
        assertThat(repo.template(TemplateKind.COMPLETION_CERTIFICATE).blocks())
                .anyMatch(b -> b instanceof TemplateBlock.ImageField i && i.overlay());
    }

    @Test
    void unknownPlaceholderIsRefusedAtLoadNamingFileKeyAndPlaceholder(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        Files.writeString(dir.resolve("queue-slip.yaml"), """
                kind: queue-slip
                title: 排队凭条
                medium: receipt
                blocks:
                  - heading: ${queueNumber}
                  - text: 请到 ${windowName} 办理
                """);
        assertThatThrownBy(() -> TemplateRepository.load(dir))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("queue-slip.yaml")
                .hasMessageContaining("blocks[1].text")
                .hasMessageContaining("${windowName}")
                .hasMessageContaining("QueueSlipData");
    }

    @Test
    void everyProblemOfAFileIsListedAtOnce(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        Files.writeString(dir.resolve("queue-slip.yaml"), """
                kind: queue-slip
                title: 排队凭条
                medium: paper-roll
                blocks:
                  - heading: ${queueNumber}
                    algin: center
                  - text: ${queueNumber
                  - table:
                      each: hallName
                  - image: ${hallName}
                  - barcode: ${queueNumber}
                """);
        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> TemplateRepository.load(dir));
        assertThat(e.problems()).hasSize(6);
        assertThat(String.join("\n", e.problems()))
                .contains("queue-slip.yaml: medium: 'paper-roll' is not one of receipt, a4")
                .contains("blocks[0].algin: unknown key (did you mean 'align'?); allowed here: align, bold, heading, size")
                .contains("blocks[1].text: malformed placeholder")
                .contains("blocks[2].table.each: 'hallName' is not a list field")
                .contains("blocks[3].image")
                .contains("blocks[4]: 'barcode' is not a block type");
    }

    @Test
    void misspeltKeysAndBlockTypesAreAnsweredWithTheOneProbablyMeant() {
        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> TemplateParser.parse("queue-slip.yaml", """
                        kind: queue-slip
                        titel: 排队凭条
                        blocks:
                          - texts: ${queueNumber}
                          - text: ${queueNumber}
                            bold: maybe
                        """, null));
        assertThat(e.problems()).hasSize(4);
        assertThat(String.join("\n", e.problems()))
                .contains("queue-slip.yaml: titel: unknown key (did you mean 'title'?); allowed here: blocks, kind,"
                        + " medium, title")
                .contains("queue-slip.yaml: title: required")
                .contains("queue-slip.yaml: blocks[0]: 'texts' is not a block type")
                .contains("(did you mean 'text'?)")
                .contains("queue-slip.yaml: blocks[1].bold: expected true or false, got 'maybe'");
    }

    @Test
    void aMissingKindAndADuplicateAreRefused(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        Files.delete(dir.resolve("queue-slip.yaml"));
        Files.copy(dir.resolve("acceptance-receipt.yaml"), dir.resolve("receipt-copy.yaml"));
        assertThatThrownBy(() -> TemplateRepository.load(dir))
                .hasMessageContaining("no template of kind queue-slip")
                .hasMessageContaining("receipt-copy.yaml: kind: acceptance-receipt is already defined by acceptance-receipt");
    }

    @Test
    void brokenYamlNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        Files.writeString(dir.resolve("queue-slip.yaml"), "kind: queue-slip\nblocks:\n  - text: [unclosed\n");
        assertThatThrownBy(() -> TemplateRepository.load(dir))
                .hasMessageContaining("queue-slip.yaml: line 4, column 1: not valid YAML");
    }

    @Test
    void imagesCanComeFromFilesNextToTheTemplates(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        Files.writeString(dir.resolve("queue-slip.yaml"), """
                kind: queue-slip
                title: 排队凭条
                blocks:
                  - image: file:demo-seal.png
                    width-mm: 20
                    align: center
                  - heading: ${queueNumber}
                """);
        Template t = TemplateRepository.load(dir).template(TemplateKind.QUEUE_SLIP);
        assertThat(t.blocks().get(0)).isInstanceOfSatisfying(TemplateBlock.Fixed.class,
                f -> assertThat(f.block()).isInstanceOf(Block.Image.class));

        Files.writeString(dir.resolve("queue-slip.yaml"), """
                kind: queue-slip
                title: 排队凭条
                blocks:
                  - image: file:no-such-logo.png
                """);
        assertThatThrownBy(() -> TemplateRepository.load(dir)).hasMessageContaining("no-such-logo.png not found");
    }

    @Test
    void whenMustNameAFieldOfTheRecordOnABlockOrARow(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        Files.writeString(dir.resolve("submission-slip.yaml"), """
                kind: submission-slip
                title: 申报凭条
                medium: receipt
                blocks:
                  - heading: 申报凭条
                    when: caseNumbr
                  - fields:
                      办件编号: {value: "${caseNumber}", when: caseNumber}
                      本机受理号: {value: "${localReference}", when: nope, unless: refused}
                  - text: 已提交
                    when: ""
                """);
        assertThatThrownBy(() -> TemplateRepository.load(dir))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.problems()).containsExactly(
                        "submission-slip.yaml: blocks[0].when: unknown field 'caseNumbr' (SubmissionSlipData has no"
                                + " such field) (did you mean 'caseNumber'?)",
                        "submission-slip.yaml: blocks[1].fields.本机受理号.unless: unknown key (a row may have value"
                                + " and when)",
                        "submission-slip.yaml: blocks[1].fields.本机受理号.when: unknown field 'nope'"
                                + " (SubmissionSlipData has no such field)",
                        "submission-slip.yaml: blocks[2].when: needs the name of a field of SubmissionSlipData, e.g."
                                + " 'when: caseNumber'"));
    }

    @Test
    void aBlockOrRowWithWhenIsKeptWithItsField(@TempDir Path dir) throws IOException {
        Template t = TemplateRepository.load(Samples.templatesDir()).template(TemplateKind.SUBMISSION_SLIP);
        assertThat(t.blocks()).anyMatch(b -> b instanceof TemplateBlock.When w && w.when().equals("caseNumber")
                && w.block() instanceof TemplateBlock.Qr);
        assertThat(t.blocks()).anyMatch(b -> b instanceof TemplateBlock.Fields f
                && f.rows().get(0).when().equals("caseNumber") && f.rows().get(1).when() == null);
    }

    private static void copyShipped(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Samples.templatesDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
