package org.govkiosk.app.ui;

import javafx.scene.Node;

/** A screen's View: builds its nodes once, binds them to its ViewModel, and knows when it is shown. */
public interface Screen {

    Node view();

    default void onShow() {
    }

    default void onHide() {
    }
}
