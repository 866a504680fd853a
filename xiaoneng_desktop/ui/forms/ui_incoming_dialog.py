# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incoming_dialog.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpinBox, QWidget)

class Ui_IncomingDialog(object):
    def setupUi(self, IncomingDialog):
        if not IncomingDialog.objectName():
            IncomingDialog.setObjectName(u"IncomingDialog")
        IncomingDialog.resize(640, 560)
        self.grid = QGridLayout(IncomingDialog)
        self.grid.setObjectName(u"grid")
        self.start_date_label = QLabel(IncomingDialog)
        self.start_date_label.setObjectName(u"start_date_label")
        self.start_date_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.start_date_label, 0, 0, 1, 1)

        self.start_date_row = QHBoxLayout()
        self.start_date_row.setObjectName(u"start_date_row")
        self.start_date = QDateEdit(IncomingDialog)
        self.start_date.setObjectName(u"start_date")
        self.start_date.setCalendarPopup(True)

        self.start_date_row.addWidget(self.start_date)

        self.kind_label = QLabel(IncomingDialog)
        self.kind_label.setObjectName(u"kind_label")
        self.kind_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.start_date_row.addWidget(self.kind_label)

        self.kind = QComboBox(IncomingDialog)
        self.kind.setObjectName(u"kind")

        self.start_date_row.addWidget(self.kind)


        self.grid.addLayout(self.start_date_row, 0, 1, 1, 1)

        self.start_date_row_errors = QHBoxLayout()
        self.start_date_row_errors.setObjectName(u"start_date_row_errors")
        self.start_date_error = QLabel(IncomingDialog)
        self.start_date_error.setObjectName(u"start_date_error")
        self.start_date_error.setStyleSheet(u"color: #c62828;")
        self.start_date_error.setWordWrap(True)

        self.start_date_row_errors.addWidget(self.start_date_error)

        self.kind_error = QLabel(IncomingDialog)
        self.kind_error.setObjectName(u"kind_error")
        self.kind_error.setStyleSheet(u"color: #c62828;")
        self.kind_error.setWordWrap(True)

        self.start_date_row_errors.addWidget(self.kind_error)

        self.start_date_row_errors.setStretch(0, 1)
        self.start_date_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.start_date_row_errors, 1, 1, 1, 1)

        self.unit_label = QLabel(IncomingDialog)
        self.unit_label.setObjectName(u"unit_label")
        self.unit_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.unit_label, 2, 0, 1, 1)

        self.unit = QLineEdit(IncomingDialog)
        self.unit.setObjectName(u"unit")

        self.grid.addWidget(self.unit, 2, 1, 1, 1)

        self.unit_error = QLabel(IncomingDialog)
        self.unit_error.setObjectName(u"unit_error")
        self.unit_error.setStyleSheet(u"color: #c62828;")
        self.unit_error.setWordWrap(True)

        self.grid.addWidget(self.unit_error, 3, 1, 1, 1)

        self.doc_number_label = QLabel(IncomingDialog)
        self.doc_number_label.setObjectName(u"doc_number_label")
        self.doc_number_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.doc_number_label, 4, 0, 1, 1)

        self.doc_number_row = QHBoxLayout()
        self.doc_number_row.setObjectName(u"doc_number_row")
        self.doc_number = QLineEdit(IncomingDialog)
        self.doc_number.setObjectName(u"doc_number")

        self.doc_number_row.addWidget(self.doc_number)

        self.doc_number_fix = QPushButton(IncomingDialog)
        self.doc_number_fix.setObjectName(u"doc_number_fix")

        self.doc_number_row.addWidget(self.doc_number_fix)


        self.grid.addLayout(self.doc_number_row, 4, 1, 1, 1)

        self.doc_number_error = QLabel(IncomingDialog)
        self.doc_number_error.setObjectName(u"doc_number_error")
        self.doc_number_error.setStyleSheet(u"color: #c62828;")
        self.doc_number_error.setWordWrap(True)

        self.grid.addWidget(self.doc_number_error, 5, 1, 1, 1)

        self.title_label = QLabel(IncomingDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.title_label, 6, 0, 1, 1)

        self.title = QLineEdit(IncomingDialog)
        self.title.setObjectName(u"title")

        self.grid.addWidget(self.title, 6, 1, 1, 1)

        self.title_error = QLabel(IncomingDialog)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setStyleSheet(u"color: #c62828;")
        self.title_error.setWordWrap(True)

        self.grid.addWidget(self.title_error, 7, 1, 1, 1)

        self.secrecy_label = QLabel(IncomingDialog)
        self.secrecy_label.setObjectName(u"secrecy_label")
        self.secrecy_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.secrecy_label, 8, 0, 1, 1)

        self.secrecy_row = QHBoxLayout()
        self.secrecy_row.setObjectName(u"secrecy_row")
        self.secrecy = QComboBox(IncomingDialog)
        self.secrecy.setObjectName(u"secrecy")

        self.secrecy_row.addWidget(self.secrecy)

        self.secrecy_term_label = QLabel(IncomingDialog)
        self.secrecy_term_label.setObjectName(u"secrecy_term_label")
        self.secrecy_term_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.secrecy_row.addWidget(self.secrecy_term_label)

        self.secrecy_term = QLineEdit(IncomingDialog)
        self.secrecy_term.setObjectName(u"secrecy_term")

        self.secrecy_row.addWidget(self.secrecy_term)


        self.grid.addLayout(self.secrecy_row, 8, 1, 1, 1)

        self.secrecy_row_errors = QHBoxLayout()
        self.secrecy_row_errors.setObjectName(u"secrecy_row_errors")
        self.secrecy_error = QLabel(IncomingDialog)
        self.secrecy_error.setObjectName(u"secrecy_error")
        self.secrecy_error.setStyleSheet(u"color: #c62828;")
        self.secrecy_error.setWordWrap(True)

        self.secrecy_row_errors.addWidget(self.secrecy_error)

        self.secrecy_term_error = QLabel(IncomingDialog)
        self.secrecy_term_error.setObjectName(u"secrecy_term_error")
        self.secrecy_term_error.setStyleSheet(u"color: #c62828;")
        self.secrecy_term_error.setWordWrap(True)

        self.secrecy_row_errors.addWidget(self.secrecy_term_error)

        self.secrecy_row_errors.setStretch(0, 1)
        self.secrecy_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.secrecy_row_errors, 9, 1, 1, 1)

        self.urgency_label = QLabel(IncomingDialog)
        self.urgency_label.setObjectName(u"urgency_label")
        self.urgency_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.urgency_label, 11, 0, 1, 1)

        self.urgency_row = QHBoxLayout()
        self.urgency_row.setObjectName(u"urgency_row")
        self.urgency = QComboBox(IncomingDialog)
        self.urgency.setObjectName(u"urgency")

        self.urgency_row.addWidget(self.urgency)

        self.copies_label = QLabel(IncomingDialog)
        self.copies_label.setObjectName(u"copies_label")
        self.copies_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.urgency_row.addWidget(self.copies_label)

        self.copies = QSpinBox(IncomingDialog)
        self.copies.setObjectName(u"copies")
        self.copies.setMinimum(1)
        self.copies.setMaximum(9999)

        self.urgency_row.addWidget(self.copies)


        self.grid.addLayout(self.urgency_row, 11, 1, 1, 1)

        self.urgency_row_errors = QHBoxLayout()
        self.urgency_row_errors.setObjectName(u"urgency_row_errors")
        self.urgency_error = QLabel(IncomingDialog)
        self.urgency_error.setObjectName(u"urgency_error")
        self.urgency_error.setStyleSheet(u"color: #c62828;")
        self.urgency_error.setWordWrap(True)

        self.urgency_row_errors.addWidget(self.urgency_error)

        self.copies_error = QLabel(IncomingDialog)
        self.copies_error.setObjectName(u"copies_error")
        self.copies_error.setStyleSheet(u"color: #c62828;")
        self.copies_error.setWordWrap(True)

        self.urgency_row_errors.addWidget(self.copies_error)

        self.urgency_row_errors.setStretch(0, 1)
        self.urgency_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.urgency_row_errors, 12, 1, 1, 1)

        self.deadline_label = QLabel(IncomingDialog)
        self.deadline_label.setObjectName(u"deadline_label")
        self.deadline_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.deadline_label, 15, 0, 1, 1)

        self.deadline_row = QHBoxLayout()
        self.deadline_row.setObjectName(u"deadline_row")
        self.deadline_typed = QCheckBox(IncomingDialog)
        self.deadline_typed.setObjectName(u"deadline_typed")

        self.deadline_row.addWidget(self.deadline_typed)

        self.deadline = QDateEdit(IncomingDialog)
        self.deadline.setObjectName(u"deadline")
        self.deadline.setCalendarPopup(True)

        self.deadline_row.addWidget(self.deadline)

        self.deadline_hint = QLabel(IncomingDialog)
        self.deadline_hint.setObjectName(u"deadline_hint")
        self.deadline_hint.setStyleSheet(u"color: #546e7a;")

        self.deadline_row.addWidget(self.deadline_hint)


        self.grid.addLayout(self.deadline_row, 15, 1, 1, 1)

        self.deadline_error = QLabel(IncomingDialog)
        self.deadline_error.setObjectName(u"deadline_error")
        self.deadline_error.setStyleSheet(u"color: #c62828;")
        self.deadline_error.setWordWrap(True)

        self.grid.addWidget(self.deadline_error, 16, 1, 1, 1)

        self.registrar_label = QLabel(IncomingDialog)
        self.registrar_label.setObjectName(u"registrar_label")
        self.registrar_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.registrar_label, 17, 0, 1, 1)

        self.registrar_row = QHBoxLayout()
        self.registrar_row.setObjectName(u"registrar_row")
        self.registrar = QComboBox(IncomingDialog)
        self.registrar.setObjectName(u"registrar")
        self.registrar.setEditable(True)

        self.registrar_row.addWidget(self.registrar)

        self.next_holder_label = QLabel(IncomingDialog)
        self.next_holder_label.setObjectName(u"next_holder_label")
        self.next_holder_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.registrar_row.addWidget(self.next_holder_label)

        self.next_holder = QComboBox(IncomingDialog)
        self.next_holder.setObjectName(u"next_holder")
        self.next_holder.setEditable(True)

        self.registrar_row.addWidget(self.next_holder)

        self.registrar_row.setStretch(0, 1)
        self.registrar_row.setStretch(2, 1)

        self.grid.addLayout(self.registrar_row, 17, 1, 1, 1)

        self.registrar_error_row = QHBoxLayout()
        self.registrar_error_row.setObjectName(u"registrar_error_row")
        self.registrar_error = QLabel(IncomingDialog)
        self.registrar_error.setObjectName(u"registrar_error")
        self.registrar_error.setStyleSheet(u"color: #c62828;")
        self.registrar_error.setWordWrap(True)

        self.registrar_error_row.addWidget(self.registrar_error)

        self.next_holder_error = QLabel(IncomingDialog)
        self.next_holder_error.setObjectName(u"next_holder_error")
        self.next_holder_error.setStyleSheet(u"color: #c62828;")
        self.next_holder_error.setWordWrap(True)

        self.registrar_error_row.addWidget(self.next_holder_error)

        self.registrar_error_row.setStretch(0, 1)
        self.registrar_error_row.setStretch(1, 1)

        self.grid.addLayout(self.registrar_error_row, 18, 1, 1, 1)

        self.opinion_label = QLabel(IncomingDialog)
        self.opinion_label.setObjectName(u"opinion_label")
        self.opinion_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.opinion_label, 20, 0, 1, 1)

        self.opinion = QPlainTextEdit(IncomingDialog)
        self.opinion.setObjectName(u"opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setMaximumSize(QSize(16777215, 60))

        self.grid.addWidget(self.opinion, 20, 1, 1, 1)

        self.opinion_error = QLabel(IncomingDialog)
        self.opinion_error.setObjectName(u"opinion_error")
        self.opinion_error.setStyleSheet(u"color: #c62828;")
        self.opinion_error.setWordWrap(True)

        self.grid.addWidget(self.opinion_error, 21, 1, 1, 1)

        self.button_box = QDialogButtonBox(IncomingDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 22, 0, 1, 2)

        QWidget.setTabOrder(self.start_date, self.kind)
        QWidget.setTabOrder(self.kind, self.unit)
        QWidget.setTabOrder(self.unit, self.doc_number)
        QWidget.setTabOrder(self.doc_number, self.doc_number_fix)
        QWidget.setTabOrder(self.doc_number_fix, self.title)
        QWidget.setTabOrder(self.title, self.secrecy)
        QWidget.setTabOrder(self.secrecy, self.secrecy_term)
        QWidget.setTabOrder(self.secrecy_term, self.urgency)
        QWidget.setTabOrder(self.urgency, self.copies)
        QWidget.setTabOrder(self.copies, self.deadline_typed)
        QWidget.setTabOrder(self.deadline_typed, self.deadline)
        QWidget.setTabOrder(self.deadline, self.registrar)
        QWidget.setTabOrder(self.registrar, self.next_holder)
        QWidget.setTabOrder(self.next_holder, self.opinion)

        self.retranslateUi(IncomingDialog)

        QMetaObject.connectSlotsByName(IncomingDialog)
    # setupUi

    def retranslateUi(self, IncomingDialog):
        IncomingDialog.setWindowTitle(QCoreApplication.translate("IncomingDialog", u"\u6536\u6587\u767b\u8bb0", None))
        self.start_date_label.setText(QCoreApplication.translate("IncomingDialog", u"\u6536\u6587\u65e5\u671f*", None))
        self.start_date.setDisplayFormat(QCoreApplication.translate("IncomingDialog", u"yyyy-MM-dd", None))
        self.kind_label.setText(QCoreApplication.translate("IncomingDialog", u"\u6587\u79cd*", None))
        self.unit_label.setText(QCoreApplication.translate("IncomingDialog", u"\u6765\u6587\u5355\u4f4d*", None))
        self.unit.setPlaceholderText(QCoreApplication.translate("IncomingDialog", u"\u5982\uff1a\u5e02\u4eba\u6c11\u653f\u5e9c\u529e\u516c\u5ba4", None))
        self.doc_number_label.setText(QCoreApplication.translate("IncomingDialog", u"\u6587\u53f7", None))
        self.doc_number.setPlaceholderText(QCoreApplication.translate("IncomingDialog", u"\u4ee3\u5b57\u3014\u5e74\u4efd\u3015\u5e8f\u53f7\u53f7\uff0c\u5982 \u5b9c\u5e9c\u529e\u6587\u30142008\u301558\u53f7", None))
        self.doc_number_fix.setText(QCoreApplication.translate("IncomingDialog", u"\u6539\u4e3a\u2026", None))
#if QT_CONFIG(tooltip)
        self.doc_number_fix.setToolTip(QCoreApplication.translate("IncomingDialog", u"\u6309\u5efa\u8bae\u6539\u6b63\u6587\u53f7", None))
#endif // QT_CONFIG(tooltip)
        self.title_label.setText(QCoreApplication.translate("IncomingDialog", u"\u6807\u9898*", None))
        self.secrecy_label.setText(QCoreApplication.translate("IncomingDialog", u"\u5bc6\u7ea7", None))
        self.secrecy_term_label.setText(QCoreApplication.translate("IncomingDialog", u"\u4fdd\u5bc6\u671f\u9650", None))
        self.secrecy_term.setPlaceholderText(QCoreApplication.translate("IncomingDialog", u"\u5982\uff1a10\u5e74\u3001\u957f\u671f", None))
        self.urgency_label.setText(QCoreApplication.translate("IncomingDialog", u"\u7d27\u6025\u7a0b\u5ea6", None))
        self.copies_label.setText(QCoreApplication.translate("IncomingDialog", u"\u4efd\u6570", None))
        self.deadline_label.setText(QCoreApplication.translate("IncomingDialog", u"\u529e\u7406\u65f6\u9650", None))
        self.deadline_typed.setText(QCoreApplication.translate("IncomingDialog", u"\u624b\u52a8\u8bbe\u5b9a", None))
        self.deadline.setDisplayFormat(QCoreApplication.translate("IncomingDialog", u"yyyy-MM-dd", None))
        self.registrar_label.setText(QCoreApplication.translate("IncomingDialog", u"\u767b\u8bb0\u4eba*", None))
        self.next_holder_label.setText(QCoreApplication.translate("IncomingDialog", u"\u62df\u529e\u4eba*", None))
#if QT_CONFIG(tooltip)
        self.next_holder.setToolTip(QCoreApplication.translate("IncomingDialog", u"\u7b7e\u6536\u767b\u8bb0\u540e\u4ea4\u8c01\u62df\u529e", None))
#endif // QT_CONFIG(tooltip)
        self.opinion_label.setText(QCoreApplication.translate("IncomingDialog", u"\u5907\u6ce8", None))
    # retranslateUi

