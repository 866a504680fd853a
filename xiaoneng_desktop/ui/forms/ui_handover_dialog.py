# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handover_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QWidget)
class Ui_HandoverDialog(object):
    def setupUi(self, HandoverDialog):
        if not HandoverDialog.objectName():
            HandoverDialog.setObjectName(u"HandoverDialog")
        HandoverDialog.resize(560, 460)
        self.grid = QGridLayout(HandoverDialog)
        self.grid.setObjectName(u"grid")
        self.shift_title = QLabel(HandoverDialog)
        self.shift_title.setObjectName(u"shift_title")
        self.shift_title.setStyleSheet(u"font-weight: bold;")
        self.shift_title.setWordWrap(True)

        self.grid.addWidget(self.shift_title, 0, 0, 1, 2)

        self.open_items_label = QLabel(HandoverDialog)
        self.open_items_label.setObjectName(u"open_items_label")
        self.open_items_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.open_items_label, 1, 0, 1, 1)

        self.open_items = QListWidget(HandoverDialog)
        self.open_items.setObjectName(u"open_items")

        self.grid.addWidget(self.open_items, 1, 1, 1, 1)

        self.handed_over_by_label = QLabel(HandoverDialog)
        self.handed_over_by_label.setObjectName(u"handed_over_by_label")
        self.handed_over_by_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.handed_over_by_label, 2, 0, 1, 1)

        self.handed_over_by = QComboBox(HandoverDialog)
        self.handed_over_by.setObjectName(u"handed_over_by")
        self.handed_over_by.setEditable(True)
        self.handed_over_by.setInsertPolicy(QComboBox.NoInsert)

        self.grid.addWidget(self.handed_over_by, 2, 1, 1, 1)

        self.handed_over_by_error = QLabel(HandoverDialog)
        self.handed_over_by_error.setObjectName(u"handed_over_by_error")
        self.handed_over_by_error.setStyleSheet(u"color: #c62828;")
        self.handed_over_by_error.setWordWrap(True)

        self.grid.addWidget(self.handed_over_by_error, 3, 1, 1, 1)

        self.successor_label = QLabel(HandoverDialog)
        self.successor_label.setObjectName(u"successor_label")
        self.successor_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.successor_label, 4, 0, 1, 1)

        self.successor = QComboBox(HandoverDialog)
        self.successor.setObjectName(u"successor")
        self.successor.setEditable(True)
        self.successor.setInsertPolicy(QComboBox.NoInsert)

        self.grid.addWidget(self.successor, 4, 1, 1, 1)

        self.successor_error = QLabel(HandoverDialog)
        self.successor_error.setObjectName(u"successor_error")
        self.successor_error.setStyleSheet(u"color: #c62828;")
        self.successor_error.setWordWrap(True)

        self.grid.addWidget(self.successor_error, 5, 1, 1, 1)

        self.handover_note_label = QLabel(HandoverDialog)
        self.handover_note_label.setObjectName(u"handover_note_label")
        self.handover_note_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.handover_note_label, 6, 0, 1, 1)

        self.handover_note = QPlainTextEdit(HandoverDialog)
        self.handover_note.setObjectName(u"handover_note")
        self.handover_note.setMinimumSize(QSize(0, 110))
        self.handover_note.setTabChangesFocus(True)

        self.grid.addWidget(self.handover_note, 6, 1, 1, 1)

        self.handover_note_error = QLabel(HandoverDialog)
        self.handover_note_error.setObjectName(u"handover_note_error")
        self.handover_note_error.setStyleSheet(u"color: #c62828;")
        self.handover_note_error.setWordWrap(True)

        self.grid.addWidget(self.handover_note_error, 7, 1, 1, 1)

        self.button_box = QDialogButtonBox(HandoverDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Save|QDialogButtonBox.Cancel)

        self.grid.addWidget(self.button_box, 8, 0, 1, 2)

        QWidget.setTabOrder(self.handed_over_by, self.successor)
        QWidget.setTabOrder(self.successor, self.handover_note)
        QWidget.setTabOrder(self.handover_note, self.open_items)
        QWidget.setTabOrder(self.open_items, self.button_box)

        self.retranslateUi(HandoverDialog)

        QMetaObject.connectSlotsByName(HandoverDialog)
    # setupUi

    def retranslateUi(self, HandoverDialog):
        HandoverDialog.setWindowTitle(QCoreApplication.translate("HandoverDialog", u"\u4ea4\u63a5\u73ed", None))
        self.open_items_label.setText(QCoreApplication.translate("HandoverDialog", u"\u672a\u529e\u7ed3\u4e8b\u9879", None))
        self.handed_over_by_label.setText(QCoreApplication.translate("HandoverDialog", u"\u4ea4\u63a5\u4eba*", None))
        self.successor_label.setText(QCoreApplication.translate("HandoverDialog", u"\u63a5\u73ed\u4eba*", None))
#if QT_CONFIG(tooltip)
        self.successor.setToolTip(QCoreApplication.translate("HandoverDialog", u"\u4e0b\u4e00\u73ed\u7684\u503c\u73ed\u5458\uff08\u6309\u6392\u73ed\u8868\uff09\uff0c\u53ef\u6539\u4e3a\u5b9e\u9645\u63a5\u73ed\u7684\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.handover_note_label.setText(QCoreApplication.translate("HandoverDialog", u"\u4ea4\u63a5\u73ed\u8bb0\u5f55*", None))
        self.handover_note.setPlaceholderText(QCoreApplication.translate("HandoverDialog", u"\u672c\u73ed\u503c\u73ed\u60c5\u51b5\u3001\u672a\u529e\u7ed3\u4e8b\u9879\u7684\u8fdb\u5c55\u548c\u9700\u8981\u4e0b\u4e00\u73ed\u8ddf\u8fdb\u7684\u4e8b\u9879", None))
    # retranslateUi

