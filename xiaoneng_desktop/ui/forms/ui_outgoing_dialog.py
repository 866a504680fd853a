# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outgoing_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpinBox, QWidget)

class Ui_OutgoingDialog(object):
    def setupUi(self, OutgoingDialog):
        if not OutgoingDialog.objectName():
            OutgoingDialog.setObjectName(u"OutgoingDialog")
        OutgoingDialog.resize(640, 560)
        self.grid = QGridLayout(OutgoingDialog)
        self.grid.setObjectName(u"grid")
        self.start_date_label = QLabel(OutgoingDialog)
        self.start_date_label.setObjectName(u"start_date_label")
        self.start_date_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.start_date_label, 0, 0, 1, 1)

        self.start_date_row = QHBoxLayout()
        self.start_date_row.setObjectName(u"start_date_row")
        self.start_date = QDateEdit(OutgoingDialog)
        self.start_date.setObjectName(u"start_date")
        self.start_date.setCalendarPopup(True)

        self.start_date_row.addWidget(self.start_date)

        self.kind_label = QLabel(OutgoingDialog)
        self.kind_label.setObjectName(u"kind_label")
        self.kind_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.start_date_row.addWidget(self.kind_label)

        self.kind = QComboBox(OutgoingDialog)
        self.kind.setObjectName(u"kind")

        self.start_date_row.addWidget(self.kind)

        self.code_label = QLabel(OutgoingDialog)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.start_date_row.addWidget(self.code_label)

        self.code = QComboBox(OutgoingDialog)
        self.code.setObjectName(u"code")

        self.start_date_row.addWidget(self.code)


        self.grid.addLayout(self.start_date_row, 0, 1, 1, 1)

        self.start_date_row_errors = QHBoxLayout()
        self.start_date_row_errors.setObjectName(u"start_date_row_errors")
        self.start_date_error = QLabel(OutgoingDialog)
        self.start_date_error.setObjectName(u"start_date_error")
        self.start_date_error.setStyleSheet(u"color: #c62828;")
        self.start_date_error.setWordWrap(True)

        self.start_date_row_errors.addWidget(self.start_date_error)

        self.kind_error = QLabel(OutgoingDialog)
        self.kind_error.setObjectName(u"kind_error")
        self.kind_error.setStyleSheet(u"color: #c62828;")
        self.kind_error.setWordWrap(True)

        self.start_date_row_errors.addWidget(self.kind_error)

        self.code_error = QLabel(OutgoingDialog)
        self.code_error.setObjectName(u"code_error")
        self.code_error.setStyleSheet(u"color: #c62828;")
        self.code_error.setWordWrap(True)

        self.start_date_row_errors.addWidget(self.code_error)

        self.start_date_row_errors.setStretch(0, 1)
        self.start_date_row_errors.setStretch(1, 1)
        self.start_date_row_errors.setStretch(2, 1)

        self.grid.addLayout(self.start_date_row_errors, 1, 1, 1, 1)

        self.title_label = QLabel(OutgoingDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.title_label, 4, 0, 1, 1)

        self.title = QLineEdit(OutgoingDialog)
        self.title.setObjectName(u"title")

        self.grid.addWidget(self.title, 4, 1, 1, 1)

        self.title_error = QLabel(OutgoingDialog)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setStyleSheet(u"color: #c62828;")
        self.title_error.setWordWrap(True)

        self.grid.addWidget(self.title_error, 5, 1, 1, 1)

        self.unit_label = QLabel(OutgoingDialog)
        self.unit_label.setObjectName(u"unit_label")
        self.unit_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.unit_label, 6, 0, 1, 1)

        self.unit_row = QHBoxLayout()
        self.unit_row.setObjectName(u"unit_row")
        self.unit = QLineEdit(OutgoingDialog)
        self.unit.setObjectName(u"unit")

        self.unit_row.addWidget(self.unit)

        self.drafter_label = QLabel(OutgoingDialog)
        self.drafter_label.setObjectName(u"drafter_label")
        self.drafter_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.unit_row.addWidget(self.drafter_label)

        self.drafter = QComboBox(OutgoingDialog)
        self.drafter.setObjectName(u"drafter")
        self.drafter.setEditable(True)

        self.unit_row.addWidget(self.drafter)


        self.grid.addLayout(self.unit_row, 6, 1, 1, 1)

        self.unit_row_errors = QHBoxLayout()
        self.unit_row_errors.setObjectName(u"unit_row_errors")
        self.unit_error = QLabel(OutgoingDialog)
        self.unit_error.setObjectName(u"unit_error")
        self.unit_error.setStyleSheet(u"color: #c62828;")
        self.unit_error.setWordWrap(True)

        self.unit_row_errors.addWidget(self.unit_error)

        self.drafter_error = QLabel(OutgoingDialog)
        self.drafter_error.setObjectName(u"drafter_error")
        self.drafter_error.setStyleSheet(u"color: #c62828;")
        self.drafter_error.setWordWrap(True)

        self.unit_row_errors.addWidget(self.drafter_error)

        self.unit_row_errors.setStretch(0, 1)
        self.unit_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.unit_row_errors, 7, 1, 1, 1)

        self.cosign_units_label = QLabel(OutgoingDialog)
        self.cosign_units_label.setObjectName(u"cosign_units_label")
        self.cosign_units_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.cosign_units_label, 9, 0, 1, 1)

        self.cosign_units = QLineEdit(OutgoingDialog)
        self.cosign_units.setObjectName(u"cosign_units")

        self.grid.addWidget(self.cosign_units, 9, 1, 1, 1)

        self.cosign_units_error = QLabel(OutgoingDialog)
        self.cosign_units_error.setObjectName(u"cosign_units_error")
        self.cosign_units_error.setStyleSheet(u"color: #c62828;")
        self.cosign_units_error.setWordWrap(True)

        self.grid.addWidget(self.cosign_units_error, 10, 1, 1, 1)

        self.secrecy_label = QLabel(OutgoingDialog)
        self.secrecy_label.setObjectName(u"secrecy_label")
        self.secrecy_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.secrecy_label, 11, 0, 1, 1)

        self.secrecy_row = QHBoxLayout()
        self.secrecy_row.setObjectName(u"secrecy_row")
        self.secrecy = QComboBox(OutgoingDialog)
        self.secrecy.setObjectName(u"secrecy")

        self.secrecy_row.addWidget(self.secrecy)

        self.secrecy_term_label = QLabel(OutgoingDialog)
        self.secrecy_term_label.setObjectName(u"secrecy_term_label")
        self.secrecy_term_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.secrecy_row.addWidget(self.secrecy_term_label)

        self.secrecy_term = QLineEdit(OutgoingDialog)
        self.secrecy_term.setObjectName(u"secrecy_term")

        self.secrecy_row.addWidget(self.secrecy_term)


        self.grid.addLayout(self.secrecy_row, 11, 1, 1, 1)

        self.secrecy_row_errors = QHBoxLayout()
        self.secrecy_row_errors.setObjectName(u"secrecy_row_errors")
        self.secrecy_error = QLabel(OutgoingDialog)
        self.secrecy_error.setObjectName(u"secrecy_error")
        self.secrecy_error.setStyleSheet(u"color: #c62828;")
        self.secrecy_error.setWordWrap(True)

        self.secrecy_row_errors.addWidget(self.secrecy_error)

        self.secrecy_term_error = QLabel(OutgoingDialog)
        self.secrecy_term_error.setObjectName(u"secrecy_term_error")
        self.secrecy_term_error.setStyleSheet(u"color: #c62828;")
        self.secrecy_term_error.setWordWrap(True)

        self.secrecy_row_errors.addWidget(self.secrecy_term_error)

        self.secrecy_row_errors.setStretch(0, 1)
        self.secrecy_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.secrecy_row_errors, 12, 1, 1, 1)

        self.urgency_label = QLabel(OutgoingDialog)
        self.urgency_label.setObjectName(u"urgency_label")
        self.urgency_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.urgency_label, 14, 0, 1, 1)

        self.urgency_row = QHBoxLayout()
        self.urgency_row.setObjectName(u"urgency_row")
        self.urgency = QComboBox(OutgoingDialog)
        self.urgency.setObjectName(u"urgency")

        self.urgency_row.addWidget(self.urgency)

        self.copies_label = QLabel(OutgoingDialog)
        self.copies_label.setObjectName(u"copies_label")
        self.copies_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.urgency_row.addWidget(self.copies_label)

        self.copies = QSpinBox(OutgoingDialog)
        self.copies.setObjectName(u"copies")
        self.copies.setMinimum(1)
        self.copies.setMaximum(9999)

        self.urgency_row.addWidget(self.copies)


        self.grid.addLayout(self.urgency_row, 14, 1, 1, 1)

        self.urgency_row_errors = QHBoxLayout()
        self.urgency_row_errors.setObjectName(u"urgency_row_errors")
        self.urgency_error = QLabel(OutgoingDialog)
        self.urgency_error.setObjectName(u"urgency_error")
        self.urgency_error.setStyleSheet(u"color: #c62828;")
        self.urgency_error.setWordWrap(True)

        self.urgency_row_errors.addWidget(self.urgency_error)

        self.copies_error = QLabel(OutgoingDialog)
        self.copies_error.setObjectName(u"copies_error")
        self.copies_error.setStyleSheet(u"color: #c62828;")
        self.copies_error.setWordWrap(True)

        self.urgency_row_errors.addWidget(self.copies_error)

        self.urgency_row_errors.setStretch(0, 1)
        self.urgency_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.urgency_row_errors, 15, 1, 1, 1)

        self.deadline_label = QLabel(OutgoingDialog)
        self.deadline_label.setObjectName(u"deadline_label")
        self.deadline_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.deadline_label, 17, 0, 1, 1)

        self.deadline_row = QHBoxLayout()
        self.deadline_row.setObjectName(u"deadline_row")
        self.deadline_typed = QCheckBox(OutgoingDialog)
        self.deadline_typed.setObjectName(u"deadline_typed")

        self.deadline_row.addWidget(self.deadline_typed)

        self.deadline = QDateEdit(OutgoingDialog)
        self.deadline.setObjectName(u"deadline")
        self.deadline.setCalendarPopup(True)

        self.deadline_row.addWidget(self.deadline)

        self.deadline_hint = QLabel(OutgoingDialog)
        self.deadline_hint.setObjectName(u"deadline_hint")
        self.deadline_hint.setStyleSheet(u"color: #546e7a;")

        self.deadline_row.addWidget(self.deadline_hint)


        self.grid.addLayout(self.deadline_row, 17, 1, 1, 1)

        self.deadline_error = QLabel(OutgoingDialog)
        self.deadline_error.setObjectName(u"deadline_error")
        self.deadline_error.setStyleSheet(u"color: #c62828;")
        self.deadline_error.setWordWrap(True)

        self.grid.addWidget(self.deadline_error, 18, 1, 1, 1)

        self.registrar_label = QLabel(OutgoingDialog)
        self.registrar_label.setObjectName(u"registrar_label")
        self.registrar_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.registrar_label, 19, 0, 1, 1)

        self.registrar = QComboBox(OutgoingDialog)
        self.registrar.setObjectName(u"registrar")
        self.registrar.setEditable(True)

        self.grid.addWidget(self.registrar, 19, 1, 1, 1)

        self.registrar_error = QLabel(OutgoingDialog)
        self.registrar_error.setObjectName(u"registrar_error")
        self.registrar_error.setStyleSheet(u"color: #c62828;")
        self.registrar_error.setWordWrap(True)

        self.grid.addWidget(self.registrar_error, 20, 1, 1, 1)

        self.button_box = QDialogButtonBox(OutgoingDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 21, 0, 1, 2)

        QWidget.setTabOrder(self.start_date, self.kind)
        QWidget.setTabOrder(self.kind, self.code)
        QWidget.setTabOrder(self.code, self.title)
        QWidget.setTabOrder(self.title, self.unit)
        QWidget.setTabOrder(self.unit, self.drafter)
        QWidget.setTabOrder(self.drafter, self.cosign_units)
        QWidget.setTabOrder(self.cosign_units, self.secrecy)
        QWidget.setTabOrder(self.secrecy, self.secrecy_term)
        QWidget.setTabOrder(self.secrecy_term, self.urgency)
        QWidget.setTabOrder(self.urgency, self.copies)
        QWidget.setTabOrder(self.copies, self.deadline_typed)
        QWidget.setTabOrder(self.deadline_typed, self.deadline)
        QWidget.setTabOrder(self.deadline, self.registrar)

        self.retranslateUi(OutgoingDialog)

        QMetaObject.connectSlotsByName(OutgoingDialog)
    # setupUi

    def retranslateUi(self, OutgoingDialog):
        OutgoingDialog.setWindowTitle(QCoreApplication.translate("OutgoingDialog", u"\u53d1\u6587\u62df\u7a3f", None))
        self.start_date_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u6536\u7a3f\u65e5\u671f*", None))
        self.start_date.setDisplayFormat(QCoreApplication.translate("OutgoingDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.start_date.setToolTip(QCoreApplication.translate("OutgoingDialog", u"\u6536\u5230\u4ee3\u62df\u7a3f\u4e4b\u65e5\uff1b\u4f1a\u8bae\u7eaa\u8981\u4e3a\u4f1a\u8bae\u7ed3\u675f\u4e4b\u65e5", None))
#endif // QT_CONFIG(tooltip)
        self.kind_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u6587\u79cd*", None))
        self.code_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u673a\u5173\u4ee3\u5b57*", None))
        self.title_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u6807\u9898*", None))
        self.unit_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u62df\u7a3f\u79d1\u5ba4*", None))
        self.unit.setPlaceholderText(QCoreApplication.translate("OutgoingDialog", u"\u5982\uff1a\u79d8\u4e66\u79d1", None))
        self.drafter_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u62df\u7a3f\u4eba*", None))
        self.cosign_units_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u4f1a\u7b7e\u5355\u4f4d", None))
        self.cosign_units.setPlaceholderText(QCoreApplication.translate("OutgoingDialog", u"\u9700\u8981\u4f1a\u7b7e\uff08\u5f81\u6c42\u610f\u89c1\uff09\u7684\u90e8\u95e8\uff0c\u7528\u987f\u53f7\u9694\u5f00\uff1b\u4e0d\u4f1a\u7b7e\u5219\u7559\u7a7a", None))
        self.secrecy_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u5bc6\u7ea7", None))
        self.secrecy_term_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u4fdd\u5bc6\u671f\u9650", None))
        self.secrecy_term.setPlaceholderText(QCoreApplication.translate("OutgoingDialog", u"\u5982\uff1a10\u5e74\u3001\u957f\u671f", None))
        self.urgency_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u7d27\u6025\u7a0b\u5ea6", None))
        self.copies_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u4efd\u6570", None))
        self.deadline_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u529e\u7406\u65f6\u9650", None))
        self.deadline_typed.setText(QCoreApplication.translate("OutgoingDialog", u"\u624b\u52a8\u8bbe\u5b9a", None))
        self.deadline.setDisplayFormat(QCoreApplication.translate("OutgoingDialog", u"yyyy-MM-dd", None))
        self.registrar_label.setText(QCoreApplication.translate("OutgoingDialog", u"\u767b\u8bb0\u4eba", None))
    # retranslateUi

