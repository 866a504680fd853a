# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'step_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QWidget)

class Ui_StepDialog(object):
    def setupUi(self, StepDialog):
        if not StepDialog.objectName():
            StepDialog.setObjectName(u"StepDialog")
        StepDialog.resize(600, 480)
        self.grid = QGridLayout(StepDialog)
        self.grid.setObjectName(u"grid")
        self.step_label = QLabel(StepDialog)
        self.step_label.setObjectName(u"step_label")
        self.step_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.step_label, 0, 0, 1, 1)

        self.document_label = QLabel(StepDialog)
        self.document_label.setObjectName(u"document_label")
        self.document_label.setWordWrap(True)

        self.grid.addWidget(self.document_label, 0, 1, 1, 1)

        self.step_error = QLabel(StepDialog)
        self.step_error.setObjectName(u"step_error")
        self.step_error.setStyleSheet(u"color: #c62828;")
        self.step_error.setWordWrap(True)

        self.grid.addWidget(self.step_error, 1, 1, 1, 1)

        self.who_label = QLabel(StepDialog)
        self.who_label.setObjectName(u"who_label")
        self.who_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.who_label, 2, 0, 1, 1)

        self.who_row = QHBoxLayout()
        self.who_row.setObjectName(u"who_row")
        self.who = QComboBox(StepDialog)
        self.who.setObjectName(u"who")
        self.who.setEditable(True)

        self.who_row.addWidget(self.who)

        self.done_at_label = QLabel(StepDialog)
        self.done_at_label.setObjectName(u"done_at_label")
        self.done_at_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.who_row.addWidget(self.done_at_label)

        self.done_at = QDateTimeEdit(StepDialog)
        self.done_at.setObjectName(u"done_at")
        self.done_at.setCalendarPopup(True)

        self.who_row.addWidget(self.done_at)


        self.grid.addLayout(self.who_row, 2, 1, 1, 1)

        self.who_row_errors = QHBoxLayout()
        self.who_row_errors.setObjectName(u"who_row_errors")
        self.who_error = QLabel(StepDialog)
        self.who_error.setObjectName(u"who_error")
        self.who_error.setStyleSheet(u"color: #c62828;")
        self.who_error.setWordWrap(True)

        self.who_row_errors.addWidget(self.who_error)

        self.done_at_error = QLabel(StepDialog)
        self.done_at_error.setObjectName(u"done_at_error")
        self.done_at_error.setStyleSheet(u"color: #c62828;")
        self.done_at_error.setWordWrap(True)

        self.who_row_errors.addWidget(self.done_at_error)

        self.who_row_errors.setStretch(0, 1)
        self.who_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.who_row_errors, 3, 1, 1, 1)

        self.opinion_label = QLabel(StepDialog)
        self.opinion_label.setObjectName(u"opinion_label")
        self.opinion_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.opinion_label, 5, 0, 1, 1)

        self.opinion = QPlainTextEdit(StepDialog)
        self.opinion.setObjectName(u"opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setMaximumSize(QSize(16777215, 80))

        self.grid.addWidget(self.opinion, 5, 1, 1, 1)

        self.opinion_error = QLabel(StepDialog)
        self.opinion_error.setObjectName(u"opinion_error")
        self.opinion_error.setStyleSheet(u"color: #c62828;")
        self.opinion_error.setWordWrap(True)

        self.grid.addWidget(self.opinion_error, 6, 1, 1, 1)

        self.lead_label = QLabel(StepDialog)
        self.lead_label.setObjectName(u"lead_label")
        self.lead_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.lead_label, 7, 0, 1, 1)

        self.lead = QComboBox(StepDialog)
        self.lead.setObjectName(u"lead")
        self.lead.setEditable(True)

        self.grid.addWidget(self.lead, 7, 1, 1, 1)

        self.lead_error = QLabel(StepDialog)
        self.lead_error.setObjectName(u"lead_error")
        self.lead_error.setStyleSheet(u"color: #c62828;")
        self.lead_error.setWordWrap(True)

        self.grid.addWidget(self.lead_error, 8, 1, 1, 1)

        self.assist_label = QLabel(StepDialog)
        self.assist_label.setObjectName(u"assist_label")
        self.assist_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.assist_label, 9, 0, 1, 1)

        self.assist = QLineEdit(StepDialog)
        self.assist.setObjectName(u"assist")

        self.grid.addWidget(self.assist, 9, 1, 1, 1)

        self.assist_error = QLabel(StepDialog)
        self.assist_error.setObjectName(u"assist_error")
        self.assist_error.setStyleSheet(u"color: #c62828;")
        self.assist_error.setWordWrap(True)

        self.grid.addWidget(self.assist_error, 10, 1, 1, 1)

        self.circulate_to_label = QLabel(StepDialog)
        self.circulate_to_label.setObjectName(u"circulate_to_label")
        self.circulate_to_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.circulate_to_label, 11, 0, 1, 1)

        self.circulate_to = QLineEdit(StepDialog)
        self.circulate_to.setObjectName(u"circulate_to")

        self.grid.addWidget(self.circulate_to, 11, 1, 1, 1)

        self.circulate_to_error = QLabel(StepDialog)
        self.circulate_to_error.setObjectName(u"circulate_to_error")
        self.circulate_to_error.setStyleSheet(u"color: #c62828;")
        self.circulate_to_error.setWordWrap(True)

        self.grid.addWidget(self.circulate_to_error, 12, 1, 1, 1)

        self.cosign_units_label = QLabel(StepDialog)
        self.cosign_units_label.setObjectName(u"cosign_units_label")
        self.cosign_units_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.cosign_units_label, 13, 0, 1, 1)

        self.cosign_units = QLineEdit(StepDialog)
        self.cosign_units.setObjectName(u"cosign_units")

        self.grid.addWidget(self.cosign_units, 13, 1, 1, 1)

        self.cosign_units_error = QLabel(StepDialog)
        self.cosign_units_error.setObjectName(u"cosign_units_error")
        self.cosign_units_error.setStyleSheet(u"color: #c62828;")
        self.cosign_units_error.setWordWrap(True)

        self.grid.addWidget(self.cosign_units_error, 14, 1, 1, 1)

        self.code_label = QLabel(StepDialog)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.code_label, 15, 0, 1, 1)

        self.code_row = QHBoxLayout()
        self.code_row.setObjectName(u"code_row")
        self.code = QComboBox(StepDialog)
        self.code.setObjectName(u"code")

        self.code_row.addWidget(self.code)

        self.number_preview = QLabel(StepDialog)
        self.number_preview.setObjectName(u"number_preview")
        self.number_preview.setStyleSheet(u"color: #546e7a;")

        self.code_row.addWidget(self.number_preview)


        self.grid.addLayout(self.code_row, 15, 1, 1, 1)

        self.code_error = QLabel(StepDialog)
        self.code_error.setObjectName(u"code_error")
        self.code_error.setStyleSheet(u"color: #c62828;")
        self.code_error.setWordWrap(True)

        self.grid.addWidget(self.code_error, 16, 1, 1, 1)

        self.next_holder_label = QLabel(StepDialog)
        self.next_holder_label.setObjectName(u"next_holder_label")
        self.next_holder_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.next_holder_label, 17, 0, 1, 1)

        self.next_holder_row = QHBoxLayout()
        self.next_holder_row.setObjectName(u"next_holder_row")
        self.next_holder = QComboBox(StepDialog)
        self.next_holder.setObjectName(u"next_holder")
        self.next_holder.setEditable(True)

        self.next_holder_row.addWidget(self.next_holder)

        self.next_step_label = QLabel(StepDialog)
        self.next_step_label.setObjectName(u"next_step_label")
        self.next_step_label.setStyleSheet(u"color: #546e7a;")

        self.next_holder_row.addWidget(self.next_step_label)


        self.grid.addLayout(self.next_holder_row, 17, 1, 1, 1)

        self.next_holder_error = QLabel(StepDialog)
        self.next_holder_error.setObjectName(u"next_holder_error")
        self.next_holder_error.setStyleSheet(u"color: #c62828;")
        self.next_holder_error.setWordWrap(True)

        self.grid.addWidget(self.next_holder_error, 18, 1, 1, 1)

        self.button_box = QDialogButtonBox(StepDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 19, 0, 1, 2)

        QWidget.setTabOrder(self.who, self.done_at)
        QWidget.setTabOrder(self.done_at, self.opinion)
        QWidget.setTabOrder(self.opinion, self.lead)
        QWidget.setTabOrder(self.lead, self.assist)
        QWidget.setTabOrder(self.assist, self.circulate_to)
        QWidget.setTabOrder(self.circulate_to, self.cosign_units)
        QWidget.setTabOrder(self.cosign_units, self.code)
        QWidget.setTabOrder(self.code, self.next_holder)

        self.retranslateUi(StepDialog)

        QMetaObject.connectSlotsByName(StepDialog)
    # setupUi

    def retranslateUi(self, StepDialog):
        StepDialog.setWindowTitle(QCoreApplication.translate("StepDialog", u"\u529e\u7406", None))
        self.step_label.setText(QCoreApplication.translate("StepDialog", u"\u6587\u4ef6", None))
        self.who_label.setText(QCoreApplication.translate("StepDialog", u"\u529e\u7406\u4eba*", None))
        self.done_at_label.setText(QCoreApplication.translate("StepDialog", u"\u529e\u7406\u65f6\u95f4", None))
        self.done_at.setDisplayFormat(QCoreApplication.translate("StepDialog", u"yyyy-MM-dd HH:mm", None))
        self.opinion_label.setText(QCoreApplication.translate("StepDialog", u"\u610f\u89c1", None))
        self.lead_label.setText(QCoreApplication.translate("StepDialog", u"\u4e3b\u529e*", None))
#if QT_CONFIG(tooltip)
        self.lead.setToolTip(QCoreApplication.translate("StepDialog", u"\u9996\u95ee\u8d1f\u8d23\u5236\uff1a\u53ea\u586b\u4e00\u4e2a\u4eba\u6216\u4e00\u4e2a\u79d1\u5ba4", None))
#endif // QT_CONFIG(tooltip)
        self.assist_label.setText(QCoreApplication.translate("StepDialog", u"\u534f\u529e", None))
        self.assist.setPlaceholderText(QCoreApplication.translate("StepDialog", u"\u534f\u52a9\u529e\u7406\u7684\u4eba\u6216\u79d1\u5ba4\uff0c\u53ef\u586b\u591a\u4e2a", None))
        self.circulate_to_label.setText(QCoreApplication.translate("StepDialog", u"\u4f20\u9605", None))
        self.circulate_to.setPlaceholderText(QCoreApplication.translate("StepDialog", u"\u9700\u8981\u4f20\u9605\u7684\u9886\u5bfc\u6216\u79d1\u5ba4\uff1b\u4e0d\u4f20\u9605\u5219\u7559\u7a7a", None))
        self.cosign_units_label.setText(QCoreApplication.translate("StepDialog", u"\u4f1a\u7b7e\u5355\u4f4d", None))
        self.cosign_units.setPlaceholderText(QCoreApplication.translate("StepDialog", u"\u9700\u8981\u4f1a\u7b7e\u7684\u90e8\u95e8\uff1b\u4e0d\u4f1a\u7b7e\u5219\u7559\u7a7a", None))
        self.code_label.setText(QCoreApplication.translate("StepDialog", u"\u673a\u5173\u4ee3\u5b57*", None))
        self.next_holder_label.setText(QCoreApplication.translate("StepDialog", u"\u4ea4\u4e0b\u4e00\u73af\u8282*", None))
    # retranslateUi

