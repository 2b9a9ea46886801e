package org.govkiosk.app.ui.apply;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.progress.ProgressView;
import org.govkiosk.app.ui.progress.ProgressViewModel;
import org.govkiosk.app.ui.supplement.SupplementView;
import org.govkiosk.app.ui.supplement.SupplementViewModel;

/**
 * The citizen journeys' screens (apply: form, materials, confirmation, result; progress query) and the ways
 * between them. The shell registers them with its navigator through {@link #register}; {@link Id}'s names are the
 * {@code ScreenId} names the shell uses for them.
 */
public final class JourneyScreens {

    /** The journeys' screens; each is a {@code ScreenId} of the same name, a citizen screen. */
    public enum Id { APPLY_FORM, APPLY_MATERIALS, APPLY_CONFIRM, APPLY_RESULT, PROGRESS, SUPPLEMENT }

    /** What the journeys need of the shell's navigation. */
    public interface Routes {
        void go(Id screen);

        void back();

        /** Nobody identified yet: to the identification screen. */
        void identify();

        /**
         * The progress screen's 核验身份: to the identification screen and, once identified, back to the progress
         * screen, so that the case's holder can print its certificate.
         */
        default void identifyToPrint() {
            identify();
        }

        /** The journey is over (done on the result screen): to the menu, or the rating where a hall wants it. */
        void finished();

        /** A finished case found by the progress query, to be rated (一事一评). */
        default void rate(org.govkiosk.app.journey.CaseProgress finished) {
        }

        /** Materials were handed in (补交材料) and the citizen is done: to the menu. */
        default void supplementDone() {
            back();
        }
    }

    private final ApplyViewModel apply;
    private final ProgressViewModel progress;
    private final I18n i18n;
    private final Routes routes;
    private final SupplementViewModel supplement;
    private final CatalogTexts catalog;

    public JourneyScreens(ApplyViewModel apply, ProgressViewModel progress, I18n i18n, Routes routes) {
        this(apply, progress, null, i18n, routes);
    }

    /** @param supplement 补交材料 from the progress query; {@code null} leaves it out */
    public JourneyScreens(ApplyViewModel apply, ProgressViewModel progress, SupplementViewModel supplement,
            I18n i18n, Routes routes) {
        this(apply, progress, supplement, i18n, routes, CatalogTexts.NONE);
    }

    /** @param catalog names in the UI language what the platform names in Chinese (items, materials) */
    public JourneyScreens(ApplyViewModel apply, ProgressViewModel progress, SupplementViewModel supplement,
            I18n i18n, Routes routes, CatalogTexts catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.supplement = supplement;
        this.apply = Objects.requireNonNull(apply, "apply");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    /** Registers every journey screen; Views are built by the suppliers on first use (and again per session). */
    public void register(BiConsumer<Id, Supplier<Screen>> registrar) {
        registrar.accept(Id.APPLY_FORM, () -> new ApplyFormView(apply, i18n, routes::back,
                () -> routes.go(Id.APPLY_MATERIALS)));
        registrar.accept(Id.APPLY_MATERIALS, () -> new ApplyMaterialsView(apply, i18n, routes::back,
                () -> routes.go(Id.APPLY_CONFIRM)));
        registrar.accept(Id.APPLY_CONFIRM, () -> new ApplyConfirmView(apply, i18n, routes::back,
                () -> routes.go(Id.APPLY_RESULT)));
        registrar.accept(Id.APPLY_RESULT, () -> new ApplyResultView(apply, i18n, routes::finished));
        if (supplement == null) {
            registrar.accept(Id.PROGRESS, () -> new ProgressView(progress, i18n, routes::rate));
            return;
        }
        registrar.accept(Id.PROGRESS, () -> new ProgressView(progress, i18n, routes::rate,
                this::handIn, routes::identifyToPrint));
        registrar.accept(Id.SUPPLEMENT, () -> new SupplementView(supplement, i18n, routes::back,
                routes::supplementDone, catalog));
    }

    /** The guide's "apply" (GuideViewModel's onApply): the form of {@code item}, or identification first. */
    public void apply(CatalogItem item) {
        if (apply.start(item)) {
            routes.go(Id.APPLY_FORM);
        } else {
            routes.identify();
        }
    }

    /** The progress screen's "hand in missing materials" for the case it shows. */
    private void handIn(org.govkiosk.app.journey.CaseProgress waiting) {
        if (supplement.start(waiting)) {
            routes.go(Id.SUPPLEMENT);
        }
    }

    /** The menu's "progress query". */
    /** @param forPrinting opened by 证明打印: the same query, titled for finding a certificate to print */
    public void progress(boolean forPrinting) {
        progress.purpose(forPrinting);
        routes.go(Id.PROGRESS);
    }
}
