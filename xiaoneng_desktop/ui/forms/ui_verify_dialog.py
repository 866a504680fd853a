# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'verify_dialog.ui'
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
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QWidget)
class Ui_VerifyDialog(object):
    def setupUi(self, VerifyDialog):
        if not VerifyDialog.objectName():
            VerifyDialog.setObjectName(u"VerifyDialog")
        VerifyDialog.resize(540, 420)
        self.grid = QGridLayout(VerifyDialog)
        self.grid.setObjectName(u"grid")
        self.problem_label = QLabel(VerifyDialog)
        self.problem_label.setObjectName(u"problem_label")
        self.problem_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.problem_label, 0, 0, 1, 1)

        self.problem_text = QLabel(VerifyDialog)
        self.problem_text.setObjectName(u"problem_text")
        self.problem_text.setWordWrap(True)

        self.grid.addWidget(self.problem_text, 0, 1, 1, 1)

        self.problem_error = QLabel(VerifyDialog)
        self.problem_error.setObjectName(u"problem_error")
        self.problem_error.setStyleSheet(u"color: #c62828;")
        self.problem_error.setWordWrap(True)

        self.grid.addWidget(self.problem_error, 1, 1, 1, 1)

        self.verified_by_label = QLabel(VerifyDialog)
        self.verified_by_label.setObjectName(u"verified_by_label")
        self.verified_by_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.verified_by_label, 2, 0, 1, 1)

        self.verified_by = QComboBox(VerifyDialog)
        self.verified_by.setObjectName(u"verified_by")
        self.verified_by.setEditable(True)
        self.verified_by.setInsertPolicy(QComboBox.NoInsert)

        self.grid.addWidget(self.verified_by, 2, 1, 1, 1)

        self.verified_by_error = QLabel(VerifyDialog)
        self.verified_by_error.setObjectName(u"verified_by_error")
        self.verified_by_error.setStyleSheet(u"color: #c62828;")
        self.verified_by_error.setWordWrap(True)

        self.grid.addWidget(self.verified_by_error, 3, 1, 1, 1)

        self.verified_at_label = QLabel(VerifyDialog)
        self.verified_at_label.setObjectName(u"verified_at_label")
        self.verified_at_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.verified_at_label, 4, 0, 1, 1)

        self.verified_at = QDateTimeEdit(VerifyDialog)
        self.verified_at.setObjectName(u"verified_at")
        self.verified_at.setDisplayFormat(u"yyyy-MM-dd HH:mm")
        self.verified_at.setCalendarPopup(True)

        self.grid.addWidget(self.verified_at, 4, 1, 1, 1)

        self.verified_at_error = QLabel(VerifyDialog)
        self.verified_at_error.setObjectName(u"verified_at_error")
        self.verified_at_error.setStyleSheet(u"color: #c62828;")
        self.verified_at_error.setWordWrap(True)

        self.grid.addWidget(self.verified_at_error, 5, 1, 1, 1)

        self.verification_label = QLabel(VerifyDialog)
        self.verification_label.setObjectName(u"verification_label")
        self.verification_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.verification_label, 6, 0, 1, 1)

        self.verification = QPlainTextEdit(VerifyDialog)
        self.verification.setObjectName(u"verification")
        self.verification.setTabChangesFocus(True)
        self.verification.setMaximumHeight(90)

        self.grid.addWidget(self.verification, 6, 1, 1, 1)

        self.verification_error = QLabel(VerifyDialog)
        self.verification_error.setObjectName(u"verification_error")
        self.verification_error.setStyleSheet(u"color: #c62828;")
        self.verification_error.setWordWrap(True)

        self.grid.addWidget(self.verification_error, 7, 1, 1, 1)

        self.form_error = QLabel(VerifyDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setStyleSheet(u"color: #c62828;")
        self.form_error.setWordWrap(True)

        self.grid.addWidget(self.form_error, 8, 0, 1, 2)

        self.button_box = QDialogButtonBox(VerifyDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.grid.addWidget(self.button_box, 9, 0, 1, 2)

        QWidget.setTabOrder(self.verified_by, self.verified_at)
        QWidget.setTabOrder(self.verified_at, self.verification)
        QWidget.setTabOrder(self.verification, self.button_box)

        self.retranslateUi(VerifyDialog)

        QMetaObject.connectSlotsByName(VerifyDialog)
    # setupUi

    def retranslateUi(self, VerifyDialog):
        VerifyDialog.setWindowTitle(QCoreApplication.translate("VerifyDialog", u"\u9500\u53f7", None))
        self.problem_label.setText(QCoreApplication.translate("VerifyDialog", u"\u95ee\u9898", None))
        self.verified_by_label.setText(QCoreApplication.translate("VerifyDialog", u"\u9a8c\u6536\u4eba*", None))
        self.verified_at_label.setText(QCoreApplication.translate("VerifyDialog", u"\u9500\u53f7\u65f6\u95f4*", None))
        self.verification_label.setText(QCoreApplication.translate("VerifyDialog", u"\u9a8c\u6536\u60c5\u51b5*", None))
        self.verification.setPlaceholderText(QCoreApplication.translate("VerifyDialog", u"\u9a8c\u6536\u65f6\u770b\u5230\u7684\u6574\u6539\u60c5\u51b5\uff08\u67e5\u9605\u4e86\u54ea\u4e9b\u6750\u6599\u3001\u73b0\u573a\u770b\u5230\u4ec0\u4e48\uff09", None))
    # retranslateUi

